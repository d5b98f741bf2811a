package nl.transfertafel.contracts.events.capacity;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/** The state of an announced capacity line after a change (correction, withdrawal, expiry, staleness, reservation). */
@EventType(name = "CapacityLineChanged", topic = Topics.CAPACITY_EVENTS)
public record CapacityLineChanged(
        String capacityLineId,
        String providerAgb,
        int placesTotal,
        int placesLeft,
        LocalDate availableFrom,
        LocalDate availableUntil,
        State state,
        Change change,
        LocalDate confirmedOn,
        long version) implements EventPayload {

    public enum State { OPEN, FULL, WITHDRAWN, EXPIRED, STALE }

    public enum Change { CORRECTED, CONFIRMED, WITHDRAWN, EXPIRED, STALE, RESERVED, RELEASED }
}
