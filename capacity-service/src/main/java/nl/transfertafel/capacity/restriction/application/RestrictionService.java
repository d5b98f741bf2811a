package nl.transfertafel.capacity.restriction.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.capacity.restriction.domain.RegistrationRestriction;
import nl.transfertafel.capacity.restriction.domain.SetRestriction;
import nl.transfertafel.capacity.restriction.infrastructure.RestrictionRepository;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.rules.StopOrPause;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sets and lifts registration stops and pauses. The provider row is locked while a restriction is
 * set, so two overlapping restrictions cannot slip in side by side.
 */
public class RestrictionService {

    private static final Logger log = LoggerFactory.getLogger(RestrictionService.class);

    private final RestrictionRepository restrictions;
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public RestrictionService(RestrictionRepository restrictions, ProviderRepository providers, Outbox outbox,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        this.restrictions = restrictions;
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public record Status(DiagnosisGroup diagnosisGroup, StopOrPause.Verdict<RegistrationRestriction> verdict) {
    }

    public Mono<RegistrationRestriction> set(Acting acting, String providerAgb, SetRestriction command) {
        Mono<RegistrationRestriction> work = agbShaped(providerAgb).then(providers.lock(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                .flatMap(provider -> restrictions.findByProvider(providerAgb).collectList().flatMap(existing -> {
                    var done = RegistrationRestriction.set(command, provider, acting, existing, clock)
                            .orRaise(Refusals::refused);
                    return restrictions.insert(done.state()).then(outbox.append(done.events())).thenReturn(done.state());
                }));
        return tx.transactional(work).doOnNext(r -> counted(r, "set"));
    }

    /**
     * Registration stops from {@code from} (open-ended) for each group (null = every group), set on the
     * provider's behalf as part of a change the caller already authorised (a closure). A group an
     * active stop already covers in that period keeps that stop. Runs in the caller's transaction.
     */
    public Mono<List<RegistrationRestriction>> stopFrom(Provider provider, List<DiagnosisGroup> groups,
            LocalDate from, String reason) {
        Acting onBehalf = new Acting(provider.agb(), false);
        return restrictions.findByProvider(provider.agb()).collectList().flatMap(existing -> {
            List<RegistrationRestriction> all = new java.util.ArrayList<>(existing);
            List<RegistrationRestriction> set = new java.util.ArrayList<>();
            List<nl.transfertafel.contracts.events.NewEvent> events = new java.util.ArrayList<>();
            for (DiagnosisGroup group : groups) {
                var outcome = RegistrationRestriction.set(new SetRestriction(Kind.STOP, group, reason, from, null),
                        provider, onBehalf, all, clock);
                if (outcome instanceof Outcome.Rejected<RegistrationRestriction> rejected
                        && "restriction-overlaps".equals(rejected.refusal().rule())) {
                    continue;
                }
                var done = outcome.orRaise(Refusals::refused);
                all.add(done.state());
                set.add(done.state());
                events.addAll(done.events());
            }
            return Flux.fromIterable(set).concatMap(restrictions::insert).then(outbox.append(events))
                    .then(Mono.fromRunnable(() -> set.forEach(r -> counted(r, "set"))))
                    .thenReturn(List.copyOf(set));
        });
    }

    public Mono<RegistrationRestriction> lift(Acting acting, String providerAgb, UUID restrictionId) {
        Mono<RegistrationRestriction> work = agbShaped(providerAgb).then(providers.find(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                .flatMap(provider -> change(restrictionId, providerAgb, r -> r.lift(provider, acting, clock)));
        return tx.transactional(work);
    }

    public Flux<RegistrationRestriction> list(String providerAgb) {
        return agbShaped(providerAgb).then(providers.find(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                .thenMany(restrictions.findByProvider(providerAgb));
    }

    /** Stop versus pause per diagnosis group for a referral to this provider on a date (today when null). */
    public Mono<List<Status>> status(String providerAgb, LocalDate date) {
        LocalDate on = date != null ? date : Today.of(clock);
        return list(providerAgb).collectList().map(all -> java.util.Arrays.stream(DiagnosisGroup.values())
                .map(group -> new Status(group, StopOrPause.decide(all, group, on)))
                .toList());
    }

    /**
     * A path that does not hold an AGB code is 400 naming the field, before any lookup: a 404 would
     * repeat the value in its detail, and a nine-digit value is the shape of a BSN.
     */
    private static Mono<Void> agbShaped(String providerAgb) {
        return Mono.defer(() -> Codes.agb("providerAgb", providerAgb)
                .<Mono<Void>>map(refusal -> Mono.error(Refusals.refused(refusal))).orElse(Mono.empty()));
    }

    /** Lifts every active restriction whose last day has passed; emits how many. */
    public Mono<Integer> endRestrictionsPastTheirPeriod() {
        return restrictions.idsActiveEndedBefore(Today.of(clock), 500).collectList().flatMapMany(Flux::fromIterable)
                .concatMap(id -> tx.transactional(change(id, null, r -> r.endIfOver(clock)))
                        .map(r -> r.active() ? 0 : 1)
                        .onErrorResume(Refused.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum);
    }

    private Mono<RegistrationRestriction> change(UUID id, String providerAgb,
            Function<RegistrationRestriction, Outcome<RegistrationRestriction>> decide) {
        return restrictions.lock(id)
                .filter(r -> providerAgb == null || r.providerAgb().equals(providerAgb))
                .switchIfEmpty(Mono.error(() -> Refused.notFound("restriction " + id)))
                .flatMap(current -> {
                    var done = decide.apply(current).orRaise(Refusals::refused);
                    if (!done.changed()) {
                        return Mono.just(done.state());
                    }
                    return restrictions.update(done.state(), current.version())
                            .flatMap(ok -> ok ? outbox.append(done.events()) : Mono.error(
                                    Refused.conflict("version-conflict", "restriction " + id + " changed meanwhile")))
                            .then(Mono.fromRunnable(() -> counted(done.state(), "lifted")))
                            .thenReturn(done.state());
                });
    }

    private void counted(RegistrationRestriction r, String change) {
        meters.counter("transfertafel.registration.restrictions.changed", "region", r.region(),
                "kind", r.kind().name(), "change", change).increment();
        log.info("registration {} {} {} for provider {} ({})", r.kind().name().toLowerCase(), r.id(), change,
                r.providerAgb(), r.diagnosisGroup() == null ? "all groups" : r.diagnosisGroup());
    }
}
