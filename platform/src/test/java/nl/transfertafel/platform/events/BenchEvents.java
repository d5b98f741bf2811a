package nl.transfertafel.platform.events;

import nl.transfertafel.contracts.events.NewEvent;

/** Test events for the harnesses outside this package. */
public final class BenchEvents {

    private BenchEvents() {
    }

    public static NewEvent referralReceived(String aggregateId) {
        return Probes.referralReceived(aggregateId, "utrecht");
    }
}
