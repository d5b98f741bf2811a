package nl.transfertafel.transfertable.matching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns "something changed in region R" signals into matching rounds of that region, fast when the
 * region is quiet and batched when it is busy (ADR 0703):
 * <ul>
 * <li>a signal for an <b>idle</b> region starts a round at once (the first proposal after a quiet
 * spell goes out without waiting for a debounce window);</li>
 * <li>signals that come while a round of the region is <b>scheduled</b> (not started yet) add
 * nothing: that round reads the read model when it starts, so it sees their changes;</li>
 * <li>signals that come while a round is <b>running</b> are coalesced into one follow-up round,
 * which starts when the running one ended, but not sooner than {@code minGap} after the previous
 * round started (so a burst of events becomes one round per gap, never one round per event).</li>
 * </ul>
 * Regions are independent. Runs on real time (its own clock), not on the business clock. The round
 * itself is a synchronous callback on the scheduler's thread.
 */
public final class RegionDebouncer {

    /** Schedules a task after a delay; the production one is a single-thread scheduled executor. */
    public interface Scheduler {
        Cancellable schedule(Runnable task, Duration delay);
    }

    public interface Cancellable {
        void cancel();
    }

    private enum Phase { SCHEDULED, RUNNING }

    private static final class RegionState {
        Phase phase = Phase.SCHEDULED;
        boolean again;
        Instant lastStart;
    }

    private final Duration minGap;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<String> round;
    private final Map<String, RegionState> regions = new HashMap<>();
    /** When each region's last round started, kept after the round so a quick next signal respects minGap. */
    private final Map<String, Instant> lastStarts = new HashMap<>();

    public RegionDebouncer(Duration minGap, Scheduler scheduler, Clock clock, Consumer<String> round) {
        if (minGap.isNegative()) {
            throw new IllegalArgumentException("the minimum gap between rounds cannot be negative: " + minGap);
        }
        this.minGap = minGap;
        this.scheduler = scheduler;
        this.clock = clock;
        this.round = round;
    }

    /** Something relevant happened in the region. */
    public synchronized void request(String region) {
        RegionState state = regions.get(region);
        if (state == null) {
            state = new RegionState();
            regions.put(region, state);
            schedule(region, state, delayAfter(lastStarts.get(region)));
        } else if (state.phase == Phase.RUNNING) {
            state.again = true;
        }
        // SCHEDULED: the round that is about to start will read this change
    }

    /** Regions with a round scheduled or running. */
    public synchronized int pending() {
        return regions.size();
    }

    private void schedule(String region, RegionState state, Duration delay) {
        state.phase = Phase.SCHEDULED;
        scheduler.schedule(() -> run(region, state), delay);
    }

    private Duration delayAfter(Instant lastStart) {
        if (lastStart == null) {
            return Duration.ZERO;
        }
        Duration left = minGap.minus(Duration.between(lastStart, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void run(String region, RegionState state) {
        synchronized (this) {
            state.phase = Phase.RUNNING;
            state.again = false;
            state.lastStart = clock.instant();
            lastStarts.put(region, state.lastStart);
        }
        try {
            round.accept(region);
        } finally {
            synchronized (this) {
                if (state.again) {
                    schedule(region, state, delayAfter(state.lastStart));
                } else {
                    regions.remove(region);
                }
            }
        }
    }
}
