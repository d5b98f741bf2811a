package nl.transfertafel.intake.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays another service: publishes events (valid against their schema) to the real broker, keyed by
 * region as the outbox relay does.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static EventEnvelope publish(NewEvent event) {
        EventEnvelope envelope = EventJson.envelop(event, UUID.randomUUID());
        assertThat(EventSchemas.violations(envelope)).as("test event must honour its contract").isEmpty();
        publish(event.descriptor().topic(), envelope);
        return envelope;
    }

    /** Publishes this exact envelope (again): a redelivery. */
    public static void publish(String topic, EventEnvelope envelope) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, envelope.region().getBytes(StandardCharsets.UTF_8),
                    EventJson.write(envelope).getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a test event", e);
        }
    }
}
