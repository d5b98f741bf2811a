package nl.transfertafel.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What an aggregate decides: a past-tense fact not yet enveloped. The application service hands it
 * to the outbox in the same transaction as the state change.
 */
public record NewEvent(UUID eventId, Instant occurredAt, String region, String aggregateId, EventPayload payload) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    public EventDescriptor descriptor() {
        return EventCatalog.describe(payload.getClass());
    }
}
