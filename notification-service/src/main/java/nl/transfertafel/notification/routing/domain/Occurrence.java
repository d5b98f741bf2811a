package nl.transfertafel.notification.routing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventPayload;

/** An event as the router sees it: the envelope's facts and the typed payload (no JSON). */
public record Occurrence(UUID eventId, String type, Instant occurredAt, String region, EventPayload payload) {
    public Occurrence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(payload, "payload");
    }
}
