package nl.transfertafel.intake.clock.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import nl.transfertafel.intake.clock.domain.TreeknormSignals;
import nl.transfertafel.intake.clock.infrastructure.SignalRepository;
import nl.transfertafel.intake.waitinglist.application.EntryChanges;
import nl.transfertafel.intake.waitinglist.domain.StalePolicy;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The waiting clocks, run on a schedule (and by tests) against the injected {@link Clock}: emits
 * {@code TreeknormSignalled} AT_RISK / BREACHED once per entry, norm and level (the signal row and
 * its event commit together, so two instances of the service cannot both send it), and flags
 * entries whose status nobody confirmed for too long as STALE, once until re-confirmed.
 */
public class WaitingClockJob {

    /** What one run did. */
    public record Run(int signals, int stale) {
    }

    private final WaitingEntryRepository entries;
    private final SignalRepository signals;
    private final EntryChanges changes;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final TreeknormSignals treeknorm;
    private final StalePolicy stalePolicy;
    private final MeterRegistry meters;
    private final Clock clock;

    public WaitingClockJob(WaitingEntryRepository entries, SignalRepository signals, EntryChanges changes,
            Outbox outbox, TransactionalOperator tx, TreeknormSignals treeknorm, StalePolicy stalePolicy,
            MeterRegistry meters, Clock clock) {
        this.entries = entries;
        this.signals = signals;
        this.changes = changes;
        this.outbox = outbox;
        this.tx = tx;
        this.treeknorm = treeknorm;
        this.stalePolicy = stalePolicy;
        this.meters = meters;
        this.clock = clock;
    }

    public Mono<Run> run() {
        return Mono.defer(() -> {
            LocalDate today = LocalDate.now(clock);
            return signalDeadlines(today).flatMap(signalled -> flagStale(today).map(stale -> new Run(signalled, stale)));
        });
    }

    private Mono<Integer> signalDeadlines(LocalDate today) {
        return entries.clockCandidates(treeknorm.registeredOnOrBefore(today))
                .concatMap(entry -> signal(entry, today))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> signal(WaitingEntry entry, LocalDate today) {
        return Flux.fromIterable(treeknorm.due(entry, today))
                .concatMap(due -> signals.recordIfNew(entry.referralId(), due)
                        .flatMap(isNew -> isNew
                                ? outbox.append(TreeknormSignals.signal(entry, due, clock))
                                        .doOnSuccess(sent -> meters.counter("transfertafel.treeknorm.signals",
                                                "region", entry.region(), "norm", due.norm().name(),
                                                "level", due.level().name()).increment())
                                        .thenReturn(1)
                                : Mono.just(0)))
                .reduce(0, Integer::sum)
                .as(tx::transactional);
    }

    private Mono<Integer> flagStale(LocalDate today) {
        return entries.staleCandidates(stalePolicy.confirmedOnOrBefore(today))
                .concatMap(id -> changes.bySystem(id, entry -> entry.markStale(stalePolicy, clock)))
                .filter(java.util.Optional::isPresent)
                .count()
                .map(Long::intValue);
    }
}
