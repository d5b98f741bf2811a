package nl.transfertafel.capacity.common.domain;

import java.time.Clock;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.NewEvent;

/** Builds the events the aggregates decide: a fresh id, the time from the injected clock. */
public final class Events {

    private Events() {
    }

    public static NewEvent event(Clock clock, String region, String aggregateId, EventPayload payload) {
        return new NewEvent(UUID.randomUUID(), clock.instant(), region, aggregateId, payload);
    }
}
