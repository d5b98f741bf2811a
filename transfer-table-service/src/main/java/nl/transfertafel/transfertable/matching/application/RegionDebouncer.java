package nl.transfertafel.transfertable.matching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
 * A signal is {@link Pace#PROMPT} (capacity appeared or changed, a decision freed a client: the first proposal is
 * what waiting clients wait for) or {@link Pace#BATCHED} (a waiting client arrived or changed): a batched signal
 * keeps the longer {@code batchedGap} from the previous round's start, so a region that receives referrals
 * every few hundred milliseconds gets one round per {@code batchedGap} for them, not one per referral; a prompt
 * signal brings a round that is scheduled later forward to {@code minGap} (ADR 1180).
 * Regions are independent. Runs on real time (its own clock), not on the business clock. The round
 * itself is a synchronous callback on the scheduler's thread.
 *
 * <p>Each request may name its <b>requester</b> ({@code T}, e.g. the trace it was made in): a round is told
 * the requesters it covers, in the order they asked (the first is the one that scheduled it), so it can run in
 * the first one's trace (ADR 0740). At most {@link #MAX_REQUESTERS} are kept per round: a burst is one round,
 * not a growing list.
 *
 * @param <T> what a request carries to the round; null carries nothing
 */
public final class RegionDebouncer<T> {

    /** Requesters kept per round; later ones in a burst are dropped (their changes are still in the round). */
    public static final int MAX_REQUESTERS = 16;

    /** Schedules a task after a delay; the production one is a single-thread scheduled executor. */
    public interface Scheduler {
        Cancellable schedule(Runnable task, Duration delay);
    }

    public interface Cancellable {
        void cancel();
    }

    /** How soon after the previous round of its region a signal wants its round. */
    public enum Pace { PROMPT, BATCHED }

    private enum Phase { SCHEDULED, RUNNING }

    private final class RegionState {
        Phase phase = Phase.SCHEDULED;
        boolean again;
        Instant lastStart;
        /** The gap of the scheduled round, or of the follow-up of the running one (null: no follow-up asked). */
        Duration gap;
        /** When the scheduled round is due, and its task: a prompt signal may bring it forward. */
        Instant due;
        Cancellable task;
        /** Which scheduled task is the live one: a task replaced by an earlier one does nothing if it still runs. */
        long generation;
        /** Who asked for the next round (the scheduled one, or the follow-up of the running one). */
        List<T> requesters = new ArrayList<>();

        void add(T requester) {
            if (requester != null && requesters.size() < MAX_REQUESTERS) {
                requesters.add(requester);
            }
        }
    }

    private final Duration minGap;
    private final Duration batchedGap;
    private final Scheduler scheduler;
    private final Clock clock;
    private final BiConsumer<String, List<T>> round;
    private final Map<String, RegionState> regions = new HashMap<>();
    /** When each region's last round started, kept after the round so a quick next signal respects minGap. */
    private final Map<String, Instant> lastStarts = new HashMap<>();

    /** A round that is told its region and the requesters it covers, first first; every signal prompt. */
    public RegionDebouncer(Duration minGap, Scheduler scheduler, Clock clock, BiConsumer<String, List<T>> round) {
        this(minGap, minGap, scheduler, clock, round);
    }

    /** As above, with the gap that {@link Pace#BATCHED} signals keep (at least {@code minGap}). */
    public RegionDebouncer(Duration minGap, Duration batchedGap, Scheduler scheduler, Clock clock,
            BiConsumer<String, List<T>> round) {
        if (minGap.isNegative()) {
            throw new IllegalArgumentException("the minimum gap between rounds cannot be negative: " + minGap);
        }
        if (batchedGap.compareTo(minGap) < 0) {
            throw new IllegalArgumentException("the gap of batched signals (" + batchedGap
                    + ") cannot be shorter than the minimum gap (" + minGap + ")");
        }
        this.minGap = minGap;
        this.batchedGap = batchedGap;
        this.scheduler = scheduler;
        this.clock = clock;
        this.round = round;
    }

    /** Something relevant happened in the region. */
    public void request(String region) {
        request(region, null);
    }

    /** Something relevant happened in the region, asked by {@code requester} (null: nobody in particular). */
    public void request(String region, T requester) {
        request(region, requester, Pace.PROMPT);
    }

    /** Something relevant happened in the region, asked by {@code requester}, wanting its round at {@code pace}. */
    public synchronized void request(String region, T requester, Pace pace) {
        Duration gap = pace == Pace.PROMPT ? minGap : batchedGap;
        RegionState state = regions.get(region);
        if (state == null) {
            state = new RegionState();
            regions.put(region, state);
            state.add(requester);
            state.gap = gap;
            schedule(region, state, delayAfter(lastStarts.get(region), gap));
        } else if (state.phase == Phase.RUNNING) {
            state.again = true;
            state.add(requester);
            state.gap = state.gap == null || gap.compareTo(state.gap) < 0 ? gap : state.gap;
        } else {
            // SCHEDULED: the round that is about to start will read this change, and is told who asked; a prompt
            // signal brings a round scheduled for a batched one forward
            state.add(requester);
            if (gap.compareTo(state.gap) < 0) {
                state.gap = gap;
                Duration delay = delayAfter(lastStarts.get(region), gap);
                if (clock.instant().plus(delay).isBefore(state.due)) {
                    state.task.cancel();
                    schedule(region, state, delay);
                }
            }
        }
    }

    /** Regions with a round scheduled or running. */
    public synchronized int pending() {
        return regions.size();
    }

    private void schedule(String region, RegionState state, Duration delay) {
        state.phase = Phase.SCHEDULED;
        state.due = clock.instant().plus(delay);
        long generation = ++state.generation;
        state.task = scheduler.schedule(() -> run(region, state, generation), delay);
    }

    private Duration delayAfter(Instant lastStart, Duration gap) {
        if (lastStart == null) {
            return Duration.ZERO;
        }
        Duration left = gap.minus(Duration.between(lastStart, clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void run(String region, RegionState state, long generation) {
        List<T> requesters;
        synchronized (this) {
            if (state.generation != generation || state.phase != Phase.SCHEDULED) {
                // replaced by an earlier task (a prompt signal), whose cancel came too late to stop this one
                return;
            }
            state.phase = Phase.RUNNING;
            state.again = false;
            state.gap = null;
            state.lastStart = clock.instant();
            lastStarts.put(region, state.lastStart);
            requesters = List.copyOf(state.requesters);
            state.requesters = new ArrayList<>();
        }
        try {
            round.accept(region, requesters);
        } finally {
            synchronized (this) {
                if (state.again) {
                    schedule(region, state, delayAfter(state.lastStart, state.gap));
                } else {
                    regions.remove(region);
                }
            }
        }
    }
}
