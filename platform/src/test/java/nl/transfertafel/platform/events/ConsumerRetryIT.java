package nl.transfertafel.platform.events;

import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.platform.events.deadletter.DeadLetters;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** A database hiccup is not a dead letter: the consumer retries until PostgreSQL is back (issue 10, defect 2). */
class ConsumerRetryIT extends ProbeIntegrationTest {


    @Autowired
    DatabaseClient db;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MeterRegistry meters;

    @Test
    void an_event_consumed_while_postgresql_refuses_connections_lands_afterwards_and_is_never_dead_lettered()
            throws Exception {
        NewEvent event = Probes.referralReceived(Probes.unique("outage-"), "rotterdam");
        double retriesBefore = infrastructureRetries();

        refuseConnections(true);
        try {
            publish(EventJson.write(EventJson.envelop(event, UUID.randomUUID())));
            // the outage lasts until the consumer met it more often than the binder's 3 attempts (or,
            // as before the fix, gave up and dead-lettered the event)
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> infrastructureRetries() >= retriesBefore + 4 || deadLettered(event));
        } finally {
            refuseConnections(false);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> effects(event.aggregateId()) == 1);
        assertThat(deadLettered(event)).isFalse();
    }

    private boolean deadLettered(NewEvent event) {
        return deadLetters.pending().stream().anyMatch(letter -> event.eventId().toString().equals(letter.eventId()));
    }

    private double infrastructureRetries() {
        var counter = meters.find("transfertafel.events.retries").tag("cause", "infrastructure").counter();
        return counter == null ? 0 : counter.count();
    }


    private void publish(String value) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        try (var producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTAKE_REFERRAL_EVENTS, "rotterdam".getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long effects(String aggregateId) {
        return db.sql("select count(*) as n from probe_effect where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30));
    }
}
