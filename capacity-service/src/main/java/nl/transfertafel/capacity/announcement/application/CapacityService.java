package nl.transfertafel.capacity.announcement.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import nl.transfertafel.capacity.announcement.domain.AnnounceCapacity;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.announcement.domain.CorrectCapacity;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.RegionScope;
import nl.transfertafel.capacity.registry.domain.ProviderAuthority;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Capacity announcements and their corrections, withdrawals and confirmations. Each line change is
 * decided by the {@link CapacityLine} on the locked row and stored with its events in one transaction.
 */
public class CapacityService {

    private static final Logger log = LoggerFactory.getLogger(CapacityService.class);

    private final CapacityLineRepository lines;
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public CapacityService(CapacityLineRepository lines, ProviderRepository providers, Outbox outbox,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        this.lines = lines;
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<CapacityLine> announce(Acting acting, String actorRegion, AnnounceCapacity command) {
        String agb = command.providerAgb() != null ? command.providerAgb() : acting.organisation();
        Mono<CapacityLine> work = providers.find(agb == null ? "" : agb)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(registered -> {
                    Outcome.Done<CapacityLine> done = CapacityLine.announce(command, acting, actorRegion,
                            registered.orElse(null), clock).orRaise(Refusals::refused);
                    return lines.insert(done.state()).then(outbox.append(done.events())).thenReturn(done.state());
                });
        return tx.transactional(work).doOnNext(line -> {
            meters.counter("transfertafel.capacity.announced", "region", line.region()).increment();
            log.info("capacity line {} announced: provider {}, region {}, {} place(s)", line.id(), line.providerAgb(),
                    line.region(), line.placesTotal());
        });
    }

    public Mono<CapacityLine> correct(Acting acting, RegionScope scope, UUID id, CorrectCapacity correction) {
        return change(acting, scope, id, line -> line.correct(correction, clock));
    }

    public Mono<CapacityLine> withdraw(Acting acting, RegionScope scope, UUID id) {
        return change(acting, scope, id, line -> line.withdraw(clock));
    }

    public Mono<CapacityLine> confirm(Acting acting, RegionScope scope, UUID id) {
        return change(acting, scope, id, line -> line.confirm(clock));
    }

    /**
     * A line the actor may see: its own (or a represented practice's); ADMIN, SERVICE and coordinators
     * see every line of their region. A line of another region is not found.
     */
    public Mono<CapacityLine> get(Acting acting, RegionScope scope, boolean seesAll, UUID id) {
        return visible(scope, id)
                .flatMap(line -> seesAll ? Mono.just(line) : authorised(acting, line.providerAgb()).thenReturn(line));
    }

    public Flux<CapacityLine> list(Acting acting, String providerAgb, boolean liveOnly) {
        String agb = providerAgb != null ? providerAgb : acting.organisation();
        if (agb == null) {
            // an ADMIN (or a token without an org claim) listing without naming a provider
            return Flux.error(Refused.invalid("providerAgb", "NotNull",
                    "name the provider: your token names no organisation"));
        }
        return authorised(acting, agb).thenMany(lines.findByProvider(agb, liveOnly));
    }

    /** Withdraws every live line of a provider (it was made inactive); runs in the caller's transaction. */
    public Mono<Void> withdrawAllOf(String providerAgb) {
        return lines.findByProvider(providerAgb, true)
                .concatMap(line -> apply(line.id(), live -> live.withdraw(clock)))
                .then();
    }

    private Mono<CapacityLine> change(Acting acting, RegionScope scope, UUID id,
            Function<CapacityLine, Outcome<CapacityLine>> decide) {
        Mono<CapacityLine> work = visible(scope, id)
                .flatMap(line -> authorised(acting, line.providerAgb()))
                .then(apply(id, decide));
        return tx.transactional(work);
    }

    /**
     * The line, when the actor's region covers it: the line's own region, or one its provider works in
     * (a provider counts in its home region and its locations' regions, so its desk may manage a line
     * at a location in a neighbouring region). Otherwise 404, as for a line that does not exist.
     */
    private Mono<CapacityLine> visible(RegionScope scope, UUID id) {
        return lines.find(id)
                .filterWhen(line -> scope.covers(line.region()) ? Mono.just(true)
                        : providers.find(line.providerAgb())
                                .map(provider -> provider.regions().stream().anyMatch(scope::covers))
                                .defaultIfEmpty(false))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("capacity line " + id)));
    }

    private Mono<Void> authorised(Acting acting, String providerAgb) {
        return providers.find(providerAgb)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(registered -> ProviderAuthority.mayActFor(acting, providerAgb, registered.orElse(null))
                        .refusal().<Mono<Void>>map(refusal -> Mono.error(Refusals.refused(refusal))).orElse(Mono.empty()));
    }

    /**
     * Locks the line, lets it decide, stores the result and its events; the one path every line change
     * takes (housekeeping and reservations use it too). Must run inside a transaction.
     */
    public Mono<CapacityLine> apply(UUID id, Function<CapacityLine, Outcome<CapacityLine>> decide) {
        return decide(id, decide).map(Outcome.Done::state);
    }

    /** As {@link #apply}, but answers the whole decision (so a caller sees whether anything changed). */
    public Mono<Outcome.Done<CapacityLine>> decide(UUID id, Function<CapacityLine, Outcome<CapacityLine>> decide) {
        return lines.lock(id)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("capacity line " + id)))
                .flatMap(line -> {
                    Outcome.Done<CapacityLine> done = decide.apply(line).orRaise(Refusals::refused);
                    if (!done.changed()) {
                        return Mono.just(done);
                    }
                    return lines.update(done.state(), line.version())
                            .flatMap(updated -> updated ? outbox.append(done.events())
                                    : Mono.error(Refused.conflict("version-conflict",
                                            "capacity line " + id + " changed meanwhile")))
                            .then(Mono.fromRunnable(() -> count(done)))
                            .thenReturn(done);
                });
    }

    private void count(Outcome.Done<CapacityLine> done) {
        // counted when decided; a rolled-back transaction may over-count by one, which metrics tolerate
        done.events().forEach(event -> {
            if (event.payload() instanceof CapacityLineChanged changed) {
                meters.counter("transfertafel.capacity.line-changes", "region", event.region(),
                        "change", changed.change().name()).increment();
            }
        });
    }
}
