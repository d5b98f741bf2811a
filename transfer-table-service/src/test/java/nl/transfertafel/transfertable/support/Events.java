package nl.transfertafel.transfertable.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events of the other services (intake, capacity) the way their outbox relays do:
 * schema-valid envelopes, keyed by region, on their topics.
 */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());

    public EventEnvelope publish(String region, String aggregateId, EventPayload payload) {
        return publish(region, aggregateId, payload, Instant.now());
    }

    public EventEnvelope publish(String region, String aggregateId, EventPayload payload, Instant occurredAt) {
        EventEnvelope envelope = EventJson.envelop(new NewEvent(UUID.randomUUID(), occurredAt, region, aggregateId,
                payload), UUID.randomUUID());
        send(envelope);
        return envelope;
    }

    /**
     * Publishes with the W3C {@code traceparent} record header, as the other service's outbox relay does
     * for an event written inside a trace.
     */
    public EventEnvelope publishTraced(String region, String aggregateId, EventPayload payload, String traceparent) {
        EventEnvelope envelope = EventJson.envelop(new NewEvent(UUID.randomUUID(), Instant.now(), region, aggregateId,
                payload), UUID.randomUUID());
        send(envelope, traceparent);
        return envelope;
    }

    /** Sends an envelope as is (e.g. again, as a redelivery). */
    public void send(EventEnvelope envelope) {
        send(envelope, null);
    }

    private void send(EventEnvelope envelope, String traceparent) {
        EventSchemas.requireValid(envelope);
        String topic = nl.transfertafel.contracts.events.EventCatalog.find(envelope.type(), envelope.schemaVersion())
                .orElseThrow().topic();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, envelope.region(), EventJson.write(envelope));
        if (traceparent != null) {
            record.headers().add("traceparent", bytes(traceparent));
        }
        try {
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
