package nl.transfertafel.notification.testing;

import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.events.KafkaPublisher;
import nl.transfertafel.testkit.engines.SharedEngines;

/** Puts events on their topics the way the other services' outbox relays do (keyed by region). */
public final class EventPublisher {

    private static KafkaPublisher publisher;

    private EventPublisher() {
    }

    public static synchronized void publish(EventEnvelope envelope) {
        if (publisher == null) {
            publisher = new KafkaPublisher(SharedEngines.kafkaBootstrap(), 3, (short) 1);
            Runtime.getRuntime().addShutdownHook(new Thread(publisher::close, "test-publisher-close"));
        }
        String topic = EventCatalog.find(envelope.type(), envelope.schemaVersion()).orElseThrow().topic();
        publisher.send(topic, envelope.region(), envelope.type(), EventJson.write(envelope));
    }
}
