package nl.transfertafel.transfertable.matching.application;

import nl.transfertafel.transfertable.common.application.AfterCommit;
import reactor.core.publisher.Mono;

/** Asks for a (debounced) matching round of a region when something relevant changed there. */
public class MatchTrigger {

    private final RegionDebouncer debouncer;

    public MatchTrigger(RegionDebouncer debouncer) {
        this.debouncer = debouncer;
    }

    /** Once the current transaction committed (so the round sees the change). */
    public Mono<Void> afterCommit(String region) {
        return AfterCommit.run(() -> debouncer.request(region));
    }

    public void request(String region) {
        debouncer.request(region);
    }
}
