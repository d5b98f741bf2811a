package nl.transfertafel.contracts.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The one envelope every event travels in. The payload stays JSON so a consumer can read the
 * envelope of a type it does not know (and skip it) without failing.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String region,
        String aggregateId,
        UUID correlationId,
        JsonNode payload) {

    public boolean is(Class<? extends EventPayload> payloadClass) {
        EventDescriptor descriptor = EventCatalog.describe(payloadClass);
        return descriptor.type().equals(type) && descriptor.schemaVersion() == schemaVersion;
    }

    public <P extends EventPayload> P payloadAs(Class<P> payloadClass) {
        return EventJson.mapper().treeToValue(payload, payloadClass);
    }
}
