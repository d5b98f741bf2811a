package nl.transfertafel.simulator.policy;

import nl.transfertafel.simulator.run.RegionRun;
import nl.transfertafel.simulator.run.TransferPolicy;

/** Policy (a): no transfer mechanism. Clients wait at the provider they were referred to. */
public final class NoTransfer implements TransferPolicy {

    @Override
    public String name() {
        return "none";
    }

    /** Without a table there is nobody to announce places to. */
    @Override
    public boolean receivesAnnouncements() {
        return false;
    }

    @Override
    public void onDay(RegionRun run, int day) {
        // providers fill their own places from their own lists; nothing moves between them
    }
}
