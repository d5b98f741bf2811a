package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.events.deadletter.DeadLetters;
import nl.transfertafel.platform.probe.ProbeApplication;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A consumer's effect that loses an optimistic race (409 concurrent-update) is retried, not
 * dead-lettered: dead-lettering it let the aggregate's later events apply first (the full cluster run
 * of 2026-12-06: a capacity line's change reached the transfer table's read model only at the replay,
 * 12 minutes late and after a later change). Any other refusal is still dead-lettered at once.
 */
class LostRaceRetryIT extends ProbeIntegrationTest {

    @Autowired
    DatabaseClient db;
    @Autowired
    DeadLetters deadLetters;

    @Test
    void an_effect_that_loses_a_race_twice_is_applied_on_the_third_try_and_never_dead_lettered() {
        NewEvent event = Probes.referralReceived(Probes.unique("race-"), "rotterdam");

        publish(event);

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(event.aggregateId()) == 1);
        assertThat(ProbeApplication.ATTEMPTS.get(event.aggregateId())).isEqualTo(3);
        assertThat(deadLettered(event)).isFalse();
    }

    @Test
    void any_other_refusal_is_dead_lettered_at_the_first_attempt() {
        NewEvent event = Probes.referralReceived(Probes.unique("refuse-"), "rotterdam");

        publish(event);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLettered(event));
        assertThat(ProbeApplication.ATTEMPTS.get(event.aggregateId())).isEqualTo(1);
        assertThat(effects(event.aggregateId())).isZero();
    }

    private boolean deadLettered(NewEvent event) {
        return deadLetters.pending().stream().anyMatch(letter -> event.eventId().toString().equals(letter.eventId()));
    }

    private static void publish(NewEvent event) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_REFERRAL_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8),
                    EventJson.write(EventJson.envelop(event, UUID.randomUUID())).getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }
}
