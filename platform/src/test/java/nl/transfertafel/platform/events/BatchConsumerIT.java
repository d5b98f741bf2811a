package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.probe.ProbeTest;
import nl.transfertafel.platform.probe.ProbeWiring;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The opt-in batch consumer keeps the single consumer's guarantees: each effect once, poison dead-lettered. */
@ProbeTest
class BatchConsumerIT {

    private static final String DEAD_LETTERS = "error." + Topics.INTAKE_WAITING_EVENTS + ".platform-test-batch";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ProbeWiring.register(registry);
    }

    @Autowired
    DatabaseClient db;

    @Test
    void a_burst_with_redeliveries_has_each_effect_once() {
        List<NewEvent> events = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            NewEvent event = Probes.referralReceived(Probes.unique("batch-"), "rotterdam");
            events.add(event);
            String json = EventJson.write(EventJson.envelop(event, UUID.randomUUID()));
            values.add(json);
            if (i % 10 == 0) {
                values.add(json); // redelivered, in the same poll or the next
            }
        }
        publish(values);

        await().atMost(Duration.ofSeconds(60)).until(() -> events.stream().allMatch(e -> effects(e.aggregateId()) >= 1));
        assertThat(events).allSatisfy(event -> assertThat(effects(event.aggregateId())).isEqualTo(1));
    }

    @Test
    void poison_and_a_failing_effect_are_dead_lettered_and_the_events_around_them_still_land_once() {
        NewEvent before = Probes.referralReceived(Probes.unique("before-"), "rotterdam");
        NewEvent failing = Probes.referralReceived(Probes.unique("fail-"), "rotterdam");
        NewEvent after = Probes.referralReceived(Probes.unique("after-"), "rotterdam");
        String poison = "not json " + UUID.randomUUID();
        publish(List.of(json(before), poison, json(failing), json(after)));

        try (TopicReader deadLetters = new TopicReader(SharedEngines.kafkaBootstrap(), DEAD_LETTERS)) {
            assertThat(deadLetters.await(m -> poison.equals(m.value()), Duration.ofSeconds(60))).hasSize(1);
            assertThat(deadLetters.await(m -> m.value().contains(failing.eventId().toString()), Duration.ofSeconds(60)))
                    .hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> effects(after.aggregateId()) == 1);
        assertThat(effects(before.aggregateId())).isEqualTo(1);
        assertThat(effects(failing.aggregateId())).isZero();
    }

    private static String json(NewEvent event) {
        return EventJson.write(EventJson.envelop(event, UUID.randomUUID()));
    }

    private void publish(List<String> values) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20); // lets records share polls
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(Topics.INTAKE_WAITING_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_batch_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }
}
