package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.events.deadletter.DeadLetters;
import nl.transfertafel.platform.probe.ProbeApplication;
import nl.transfertafel.platform.probe.ProbeGate;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The batch consumer ({@link EventConsumers#batchConsumer}, binding {@code recordProbeBatch-in-0} in batch
 * mode) keeps every guarantee of the record consumer (docs/adr/1170). Records are made to arrive in one
 * poll by holding the consumer on a {@code hold-*} record while they are published.
 */
class BatchConsumerIT extends ProbeIntegrationTest {

    private static final String CONSUMER = "platform-test.record-probe-batch";
    private static final String DEAD_LETTERS = "error." + Topics.INTAKE_WAITING_EVENTS + ".platform-test-batch";

    @Autowired
    DatabaseClient db;
    @Autowired
    IdempotentConsumer idempotent;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_poll_runs_in_one_transaction_and_skips_what_was_processed_before_a_crash() {
        NewEvent first = Probes.referralReceived(Probes.unique("first-"), "rotterdam");
        NewEvent second = Probes.referralReceived(Probes.unique("second-"), "utrecht");
        NewEvent committedBeforeACrash = Probes.referralReceived(Probes.unique("crashed-"), "rotterdam");
        EventEnvelope crashed = EventJson.envelop(committedBeforeACrash, UUID.randomUUID());
        // the database transaction of an earlier delivery committed, the offset commit did not
        idempotent.process(CONSUMER, crashed, event -> ProbeApplication.effect(db, event)).block(Duration.ofSeconds(30));

        inOnePoll(List.of(json(first), json(first), EventJson.write(crashed), json(second)));

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(second.aggregateId()) == 1);
        assertThat(effects(first.aggregateId())).isEqualTo(1);
        assertThat(effects(committedBeforeACrash.aggregateId())).isEqualTo(1);
        // one transaction: now() is the transaction's start, the same for every row it wrote
        assertThat(processedAt(first.eventId())).isEqualTo(processedAt(second.eventId()));
    }

    @Test
    void a_failing_effect_dead_letters_its_record_alone_and_the_records_around_it_apply_once() {
        NewEvent before = Probes.referralReceived(Probes.unique("before-"), "rotterdam");
        NewEvent failing = Probes.referralReceived(Probes.unique("fail-"), "rotterdam");
        NewEvent after = Probes.referralReceived(Probes.unique("after-"), "rotterdam");

        inOnePoll(List.of(json(before), json(failing), json(after)));

        try (TopicReader deadLetterTopic = new TopicReader(SharedEngines.kafkaBootstrap(), DEAD_LETTERS)) {
            assertThat(deadLetterTopic.await(m -> m.value().contains(failing.eventId().toString()), Duration.ofSeconds(60)))
                    .hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after.aggregateId()) == 1);
        assertThat(effects(before.aggregateId())).isEqualTo(1);
        assertThat(effects(failing.aggregateId())).isZero();
        assertThat(processed(failing.eventId())).isZero();
        assertThat(deadLettered(before)).isFalse();
        assertThat(deadLettered(after)).isFalse();
    }

    @Test
    void a_record_that_is_not_an_event_is_dead_lettered_alone() {
        NewEvent before = Probes.referralReceived(Probes.unique("before-"), "rotterdam");
        NewEvent after = Probes.referralReceived(Probes.unique("after-"), "rotterdam");
        String poison = "not json " + UUID.randomUUID();

        inOnePoll(List.of(json(before), poison, json(after)));

        try (TopicReader deadLetterTopic = new TopicReader(SharedEngines.kafkaBootstrap(), DEAD_LETTERS)) {
            assertThat(deadLetterTopic.await(m -> poison.equals(m.value()), Duration.ofSeconds(60))).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after.aggregateId()) == 1);
        assertThat(effects(before.aggregateId())).isEqualTo(1);
        assertThat(deadLettered(before)).isFalse();
        assertThat(deadLettered(after)).isFalse();
    }

    @Test
    void a_poll_consumed_while_postgresql_refuses_connections_lands_afterwards_and_is_never_dead_lettered()
            throws Exception {
        List<NewEvent> events = List.of(Probes.referralReceived(Probes.unique("outage-"), "rotterdam"),
                Probes.referralReceived(Probes.unique("outage-"), "rotterdam"),
                Probes.referralReceived(Probes.unique("outage-"), "utrecht"));
        double retriesBefore = infrastructureRetries();

        refuseConnections(true);
        try {
            publish(events.stream().map(BatchConsumerIT::json).toList());
            // longer than the binding's 3 attempts: a poll dead-lettered like any failure would be gone by now
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> infrastructureRetries() >= retriesBefore + 4
                            || events.stream().anyMatch(this::deadLettered));
        } finally {
            refuseConnections(false);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().allMatch(e -> effects(e.aggregateId()) == 1));
        assertThat(events).noneMatch(this::deadLettered);
    }

    @Test
    void each_record_of_a_poll_is_consumed_in_the_trace_its_traceparent_names() {
        NewEvent one = Probes.referralReceived(Probes.unique("traced-"), "rotterdam");
        NewEvent other = Probes.referralReceived(Probes.unique("traced-"), "rotterdam");
        String oneTrace = hex(32);
        String otherTrace = hex(32);
        String hold = Probes.unique("hold-");
        ProbeGate.hold(hold);
        try {
            publish(List.of(json(Probes.referralReceived(hold, "rotterdam"))));
            await().atMost(Duration.ofSeconds(60)).until(() -> ProbeGate.runs(hold) >= 1);
            publishTraced(List.of(json(one), json(other)),
                    List.of("00-" + oneTrace + "-" + hex(16) + "-01", "00-" + otherTrace + "-" + hex(16) + "-01"));
        } finally {
            ProbeGate.release(hold);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(other.aggregateId()) == 1);
        assertThat(processedAt(one.eventId())).as("one poll").isEqualTo(processedAt(other.eventId()));
        assertThat(ProbeApplication.TRACES.get(one.aggregateId())).isEqualTo(oneTrace);
        assertThat(ProbeApplication.TRACES.get(other.aggregateId())).isEqualTo(otherTrace);
    }

    private static String hex(int length) {
        StringBuilder hex = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static void publishTraced(List<String> values, List<String> traceparents) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.INTAKE_WAITING_EVENTS,
                        "rotterdam".getBytes(StandardCharsets.UTF_8), values.get(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add(TraceContext.HEADER, traceparents.get(i).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Holds the consumer on a record of its own while {@code values} are published, so they come in one poll. */
    private void inOnePoll(List<String> values) {
        String hold = Probes.unique("hold-");
        ProbeGate.hold(hold);
        try {
            publish(List.of(json(Probes.referralReceived(hold, "rotterdam"))));
            await().atMost(Duration.ofSeconds(60)).until(() -> ProbeGate.runs(hold) >= 1);
            publish(values);
        } finally {
            ProbeGate.release(hold);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(hold) == 1);
    }

    private static String json(NewEvent event) {
        return EventJson.write(EventJson.envelop(event, UUID.randomUUID()));
    }

    private static void publish(List<String> values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String value : values) {
                // one key: one partition, so one consumer's poll in this order
                producer.send(new ProducerRecord<>(Topics.INTAKE_WAITING_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private boolean deadLettered(NewEvent event) {
        return deadLetters.pending().stream().anyMatch(letter -> event.eventId().toString().equals(letter.eventId()));
    }

    private double infrastructureRetries() {
        var counter = meters.find("transfertafel.events.retries").tag("cause", "infrastructure")
                .tag("topic", Topics.INTAKE_WAITING_EVENTS).counter();
        return counter == null ? 0 : counter.count();
    }


    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }

    private long processed(UUID eventId) {
        return db.sql("select count(*) as n from processed_event where consumer = :consumer and event_id = :id")
                .bind("consumer", CONSUMER).bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }

    private OffsetDateTime processedAt(UUID eventId) {
        return db.sql("select processed_at from processed_event where consumer = :consumer and event_id = :id")
                .bind("consumer", CONSUMER).bind("id", eventId)
                .map(row -> row.get("processed_at", OffsetDateTime.class)).one().block(Duration.ofSeconds(30));
    }
}
