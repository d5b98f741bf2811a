package nl.transfertafel.contracts.events.capacity;

import java.time.Instant;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/** A place on a capacity line was held for a proposal, confirmed, released or expired. */
@EventType(name = "ReservationChanged", topic = Topics.CAPACITY_EVENTS)
public record ReservationChanged(
        String reservationId,
        String capacityLineId,
        String proposalId,
        String providerAgb,
        State state,
        Instant expiresAt,
        int placesLeft) implements EventPayload {

    public enum State { HELD, CONFIRMED, RELEASED, EXPIRED }
}
