package nl.transfertafel.simulator.run;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.PriorityQueue;
import nl.transfertafel.simulator.world.LineSpec;

/**
 * One capacity line during one run: its free intake places (each with the last day it can be used,
 * oldest first), the provider's own waiting list for it (urgent first, then longest waiting), and
 * the counts every place ends up in: opened = free + held + used by the own list + used by a
 * transfer + lost unused.
 */
public final class LineState {

    static final Comparator<ClientState> OWN_LIST_ORDER = Comparator
            .comparing((ClientState c) -> !c.referral.urgent())
            .thenComparingInt(c -> c.registeredDay)
            .thenComparingInt(c -> c.referral.id());

    final LineSpec spec;
    final ArrayDeque<Integer> freePlaces = new ArrayDeque<>();
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

    public int free() { return freePlaces.size(); }

    public boolean closed() { return closed; }

    public long opened() { return opened; }

    public long usedOwn() { return usedOwn; }

    public long usedTransfer() { return usedTransfer; }

    public long unused() { return unused; }

    public long held() { return held; }
}
