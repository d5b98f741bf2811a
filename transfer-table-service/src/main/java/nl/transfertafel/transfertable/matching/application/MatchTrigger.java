package nl.transfertafel.transfertable.matching.application;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import nl.transfertafel.transfertable.common.application.AfterCommit;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Asks for a (debounced) matching round of a region when something relevant changed there. The request
 * names the observation it was made in (the consumed event's, the HTTP request's), so the round, which runs
 * later on the debouncer's thread, continues that trace (ADR 0740).
 */
public class MatchTrigger {

    private final RegionDebouncer<Observation> debouncer;
    private final ObservationRegistry observations;

    public MatchTrigger(RegionDebouncer<Observation> debouncer, ObservationRegistry observations) {
        this.debouncer = debouncer;
        this.observations = observations;
    }

    /**
     * Once the current transaction committed (so the round sees the change). The observation is taken when
     * this is subscribed, from the Reactor context the caller runs in: the commit callback may run on any thread.
     */
    public Mono<Void> afterCommit(String region) {
        return afterCommit(region, RegionDebouncer.Pace.PROMPT);
    }

    /**
     * As {@link #afterCommit(String)}, for a change on the waiting-list side (a referral, a waiting entry, a
     * Treeknorm signal): the round may wait for the batched gap, so a busy region's referrals share rounds (ADR 1180).
     */
    public Mono<Void> afterWaitingListCommit(String region) {
        return afterCommit(region, RegionDebouncer.Pace.BATCHED);
    }

    private Mono<Void> afterCommit(String region, RegionDebouncer.Pace pace) {
        return Mono.deferContextual(context -> {
            Observation requester = requester(context);
            return AfterCommit.run(() -> debouncer.request(region, requester, pace));
        });
    }

    /** At once, in the observation current on this thread (none for the scheduled re-match: a trace of its own). */
    public void request(String region) {
        debouncer.request(region, current(observations.getCurrentObservation()));
    }

    private Observation requester(ContextView context) {
        Observation inContext = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        return current(inContext != null ? inContext : observations.getCurrentObservation());
    }

    private static Observation current(Observation observation) {
        return observation == null || observation.isNoop() ? null : observation;
    }
}
