package nl.transfertafel.transfertable.matching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Coalesces "something changed in region R" signals into one matching round per region: a round
 * starts once the region has been quiet for {@code quiet}, but never later than {@code maxDelay}
 * after the first signal of a burst (so a steady stream of events cannot postpone matching for
 * ever). Regions are independent. Runs on real time (its own clock), not on the business clock.
 */
public final class RegionDebouncer {

    /** Schedules a task after a delay; the production one is a single-thread scheduled executor. */
    public interface Scheduler {
        Cancellable schedule(Runnable task, Duration delay);
    }

    public interface Cancellable {
        void cancel();
    }

    private final Duration quiet;
    private final Duration maxDelay;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Consumer<String> round;
    private final Map<String, Burst> bursts = new HashMap<>();

    public RegionDebouncer(Duration quiet, Duration maxDelay, Scheduler scheduler, Clock clock, Consumer<String> round) {
        if (quiet.isNegative() || maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("need 0 <= quiet <= maxDelay, got " + quiet + " and " + maxDelay);
        }
        this.quiet = quiet;
        this.maxDelay = maxDelay;
        this.scheduler = scheduler;
        this.clock = clock;
        this.round = round;
    }

    /** Something relevant happened in the region. */
    public synchronized void request(String region) {
        Instant now = clock.instant();
        Burst burst = bursts.get(region);
        if (burst == null) {
            burst = new Burst(now);
            bursts.put(region, burst);
        } else {
            burst.timer.cancel();
        }
        Duration left = maxDelay.minus(Duration.between(burst.firstSignal, now));
        Duration delay = left.compareTo(quiet) < 0 ? (left.isNegative() ? Duration.ZERO : left) : quiet;
        Burst current = burst;
        burst.timer = scheduler.schedule(() -> fire(region, current), delay);
    }

    /** Regions waiting for their round. */
    public synchronized int pending() {
        return bursts.size();
    }

    private void fire(String region, Burst burst) {
        synchronized (this) {
            if (bursts.get(region) != burst) {
                return; // superseded by a later signal
            }
            bursts.remove(region);
        }
        round.accept(region);
    }

    private static final class Burst {
        final Instant firstSignal;
        Cancellable timer;

        Burst(Instant firstSignal) {
            this.firstSignal = firstSignal;
        }
    }
}
