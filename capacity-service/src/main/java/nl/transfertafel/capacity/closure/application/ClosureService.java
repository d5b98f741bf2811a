package nl.transfertafel.capacity.closure.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.application.CapacityService;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.closure.domain.AnnounceClosure;
import nl.transfertafel.capacity.closure.domain.ProviderClosure;
import nl.transfertafel.capacity.closure.infrastructure.ClosureRepository;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.capacity.restriction.application.RestrictionService;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces closures. In one transaction, with the provider row locked: the closure row, each live
 * capacity line in scope withdrawn (its CapacityLineChanged), the registration stops from the end
 * date (their RegistrationRestrictionChanged) and ProviderClosureAnnounced, all through the outbox.
 */
public class ClosureService {

    private static final Logger log = LoggerFactory.getLogger(ClosureService.class);

    private final ClosureRepository closures;
    private final ProviderRepository providers;
    private final CapacityLineRepository lines;
    private final CapacityService capacity;
    private final RestrictionService restrictions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public ClosureService(ClosureRepository closures, ProviderRepository providers, CapacityLineRepository lines,
            CapacityService capacity, RestrictionService restrictions, Outbox outbox, TransactionalOperator tx,
            Clock clock, MeterRegistry meters) {
        this.closures = closures;
        this.providers = providers;
        this.lines = lines;
        this.capacity = capacity;
        this.restrictions = restrictions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param actorRegion the region of the caller's token (null only for a token without one)
     * @param coordinator the caller announces as a coordinator of that region
     */
    public Mono<ProviderClosure> announce(Acting acting, String actorRegion, boolean coordinator, String providerAgb,
            AnnounceClosure command) {
        Mono<ProviderClosure> work = agbShaped(providerAgb).then(providers.lock(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                .flatMap(provider -> closures.findByProvider(providerAgb).collectList().flatMap(existing -> {
                    ProviderClosure decided = ProviderClosure.announce(command, provider, acting, actorRegion,
                            coordinator, existing, clock).orRaise(Refusals::refused).state();
                    Mono<List<UUID>> ended = lines.findByProvider(providerAgb, true)
                            .filter(line -> decided.covers(line.locationId(), line.diagnosisGroups()))
                            .concatMap(line -> capacity.apply(line.id(), live -> live.withdraw(clock)))
                            .map(CapacityLine::id)
                            .collectList();
                    return ended.flatMap(withdrawn -> {
                        ProviderClosure closure = decided.withWithdrawnLines(withdrawn);
                        Mono<?> stops = closure.stopsRegistrations(provider)
                                ? restrictions.stopFrom(provider, closure.stopGroups(), closure.endDate(),
                                        "closure " + closure.id() + " (ends " + closure.endDate() + ")")
                                : Mono.empty();
                        return closures.insert(closure).then(stops).then(outbox.append(closure.announced(clock)))
                                .thenReturn(closure);
                    });
                }));
        return tx.transactional(work).doOnNext(closure -> {
            meters.counter("transfertafel.provider.closures", "region", closure.region()).increment();
            log.info("closure {} announced for provider {} (location {}, groups {}), ends {}; {} line(s) withdrawn",
                    closure.id(), closure.providerAgb(), closure.locationId() == null ? "all" : closure.locationId(),
                    closure.diagnosisGroups().isEmpty() ? "all" : closure.diagnosisGroups(), closure.endDate(),
                    closure.withdrawnLines().size());
        });
    }

    public Flux<ProviderClosure> list(String providerAgb) {
        return agbShaped(providerAgb).then(providers.find(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                .thenMany(closures.findByProvider(providerAgb));
    }

    /** A path that does not hold an AGB code is 400 naming the field (a 404 would echo the value). */
    private static Mono<Void> agbShaped(String providerAgb) {
        return Mono.defer(() -> Codes.agb("providerAgb", providerAgb)
                .<Mono<Void>>map(refusal -> Mono.error(Refusals.refused(refusal))).orElse(Mono.empty()));
    }
}
