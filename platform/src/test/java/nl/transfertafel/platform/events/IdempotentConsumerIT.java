package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeApplication;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class IdempotentConsumerIT extends ProbeIntegrationTest {

    private static final String DEAD_LETTERS = "error." + Topics.INTAKE_REFERRAL_EVENTS + ".platform-test";

    @Autowired
    DatabaseClient db;
    @Autowired
    IdempotentConsumer idempotent;

    @Test
    void a_redelivered_event_has_its_effect_once() {
        NewEvent event = Probes.referralReceived(Probes.unique("twice-"), "rotterdam");
        String json = EventJson.write(EventJson.envelop(event, UUID.randomUUID()));

        publishRaw("rotterdam", json);
        publishRaw("rotterdam", json);
        String marker = Probes.unique("after-");
        publishRaw("rotterdam", EventJson.write(EventJson.envelop(Probes.referralReceived(marker, "rotterdam"),
                UUID.randomUUID())));

        // the marker comes after both copies on the same partition: once it is processed, so are they
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker) == 1);
        assertThat(effects(event.aggregateId())).isEqualTo(1);
        assertThat(count("select count(*) as n from processed_event where event_id = :id", event.eventId())).isEqualTo(1);
    }

    @Test
    void a_failing_effect_is_retried_rolled_back_and_dead_lettered() {
        NewEvent event = Probes.referralReceived(Probes.unique("fail-"), "rotterdam");
        publishRaw("rotterdam", EventJson.write(EventJson.envelop(event, UUID.randomUUID())));

        try (TopicReader deadLetters = new TopicReader(SharedEngines.kafkaBootstrap(), DEAD_LETTERS)) {
            var found = deadLetters.await(m -> m.value().contains(event.eventId().toString()), Duration.ofSeconds(60));
            assertThat(found).hasSize(1);
        }
        // every attempt rolled back: neither the effect nor the processed mark survived
        assertThat(effects(event.aggregateId())).isZero();
        assertThat(count("select count(*) as n from processed_event where event_id = :id", event.eventId())).isZero();
    }

    @Test
    void a_message_that_is_not_an_event_goes_to_the_dead_letter_topic() {
        String poison = "not json " + UUID.randomUUID();
        publishRaw("rotterdam", poison);

        try (TopicReader deadLetters = new TopicReader(SharedEngines.kafkaBootstrap(), DEAD_LETTERS)) {
            assertThat(deadLetters.await(m -> poison.equals(m.value()), Duration.ofSeconds(60))).hasSize(1);
        }
    }

    @Test
    void a_batch_runs_each_new_effect_once_in_one_transaction() {
        NewEvent seen = Probes.referralReceived(Probes.unique("seen-"), "rotterdam");
        NewEvent fresh = Probes.referralReceived(Probes.unique("fresh-"), "rotterdam");
        var seenEnvelope = EventJson.envelop(seen, UUID.randomUUID());
        var freshEnvelope = EventJson.envelop(fresh, UUID.randomUUID());
        idempotent.process("platform-test.batch", seenEnvelope, event -> ProbeApplication.effect(db, event)).block();

        Integer ran = idempotent.processAll("platform-test.batch", List.of(seenEnvelope, freshEnvelope, freshEnvelope),
                event -> ProbeApplication.effect(db, event)).block();

        assertThat(ran).isEqualTo(1); // the one seen before and the copy within the batch are skipped
        assertThat(effects(seen.aggregateId())).isEqualTo(1);
        assertThat(effects(fresh.aggregateId())).isEqualTo(1);
    }

    @Test
    void a_batch_with_a_failing_effect_commits_nothing() {
        NewEvent good = Probes.referralReceived(Probes.unique("good-"), "rotterdam");
        NewEvent failing = Probes.referralReceived(Probes.unique("fail-"), "rotterdam");
        var batch = List.of(EventJson.envelop(good, UUID.randomUUID()), EventJson.envelop(failing, UUID.randomUUID()));

        assertThatThrownBy(() -> idempotent.processAll("platform-test.batch", batch,
                event -> ProbeApplication.effect(db, event)).block()).hasMessageContaining("probe refuses");

        assertThat(effects(good.aggregateId())).isZero();
        assertThat(count("select count(*) as n from processed_event where event_id = :id", good.eventId())).isZero();
    }

    private void publishRaw(String key, String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_REFERRAL_EVENTS, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private long count(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block();
    }
}
