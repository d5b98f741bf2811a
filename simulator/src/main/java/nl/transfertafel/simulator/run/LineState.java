package nl.transfertafel.simulator.run;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import nl.transfertafel.simulator.world.LineSpec;

/**
 * One capacity line during one run: its free intake places (each with the last day it can be used,
 * oldest first), the provider's own waiting list for it (urgent first, then longest waiting), and
 * the counts every place ends up in: opened = free + announced + held + used by the own list + used
 * by a transfer + lost unused.
 */
public final class LineState {

    static final Comparator<ClientState> OWN_LIST_ORDER = Comparator
            .comparing((ClientState c) -> !c.referral.urgent())
            .thenComparingInt(c -> c.registeredDay)
            .thenComparingInt(c -> c.referral.id());

    final LineSpec spec;
    final ArrayDeque<Integer> freePlaces = new ArrayDeque<>();
    /** Places announced to the transfer table first: last usable day, and the day they go back to the own list. */
    final ArrayDeque<Integer> announcedExpiry = new ArrayDeque<>();
    final ArrayDeque<Integer> announcedReturn = new ArrayDeque<>();
    final PriorityQueue<ClientState> ownList = new PriorityQueue<>(OWN_LIST_ORDER);
    boolean closed;
    long opened;
    long held;
    long usedOwn;
    long usedTransfer;
    long unused;

    LineState(LineSpec spec) {
        this.spec = spec;
    }

    public LineSpec spec() { return spec; }

    /** Places the transfer table may fill now: free ones and those announced to the table. */
    public int free() { return freePlaces.size() + announcedExpiry.size(); }

    public boolean closed() { return closed; }

    public long opened() { return opened; }

    public long usedOwn() { return usedOwn; }

    public long usedTransfer() { return usedTransfer; }

    public long unused() { return unused; }

    public long held() { return held; }
}
