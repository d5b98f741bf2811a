package nl.transfertafel.capacity.announcement.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The scheduled jobs on capacity lines, on the injected clock: lines past their last day expire, and
 * lines not confirmed for the configured time (default 14 days) become stale and leave matching
 * until their provider confirms them. Each line changes in its own transaction with its event.
 */
public class LineHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(LineHousekeeping.class);
    private static final int BATCH = 500;

    private final CapacityLineRepository lines;
    private final CapacityService capacity;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Duration staleAfter;

    public LineHousekeeping(CapacityLineRepository lines, CapacityService capacity, TransactionalOperator tx,
            Clock clock, Duration staleAfter) {
        this.lines = lines;
        this.capacity = capacity;
        this.tx = tx;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Expires every live line whose last day has passed; emits how many expired. */
    public Mono<Integer> expireLines() {
        return each(lines.idsPastTheirEnd(Today.of(clock), BATCH), line -> line.expireIfOver(clock), "expired");
    }

    /** Marks every open or full line unconfirmed for longer than the configured time as stale. */
    public Mono<Integer> markStaleLines() {
        return each(lines.idsUnconfirmedSince(clock.instant().minus(staleAfter), BATCH),
                line -> line.markStaleIfUnconfirmed(staleAfter, clock), "stale");
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    private Mono<Integer> each(Flux<UUID> ids, Function<CapacityLine, Outcome<CapacityLine>> decide, String what) {
        return ids.collectList().flatMapMany(Flux::fromIterable)
                .concatMap(id -> tx.transactional(capacity.decide(id, decide))
                        .map(done -> done.changed() ? 1 : 0)
                        .onErrorResume(Refused.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("{} capacity line(s) {}", count, what);
                    }
                });
    }
}
