package nl.transfertafel.capacity.registry.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.capacity.registry.domain.ProviderDetails;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Maintains the provider registry. Each change is stored with its ProviderProfileChanged event in
 * one transaction; a provider made inactive has its open capacity withdrawn in that same transaction.
 */
public class RegistryService {

    private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

    public record Saved(Provider provider, boolean created) {
    }

    private final ProviderRepository providers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;
    private final InactiveProviders inactiveProviders;

    public RegistryService(ProviderRepository providers, Outbox outbox, TransactionalOperator tx, Clock clock,
            MeterRegistry meters, InactiveProviders inactiveProviders) {
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
        this.inactiveProviders = inactiveProviders;
    }

    /** Registers the provider (ADMIN) or replaces its record (ADMIN, the provider, its representative). */
    public Mono<Saved> put(Acting acting, String agb, ProviderDetails details) {
        Mono<Saved> work = Mono.defer(() -> {
            Codes.agb("providerAgb", agb).ifPresent(refusal -> {
                throw Refusals.refused(refusal);
            });
            return providers.lock(agb)
                    .map(current -> new Existing(current, current.change(details, acting, clock)))
                    .switchIfEmpty(Mono.fromSupplier(() -> {
                        if (!acting.admin()) {
                            throw Refused.notFound("provider " + agb
                                    + " (an administrator registers providers)");
                        }
                        return new Existing(null, Provider.register(agb, details, acting, clock));
                    }))
                    .flatMap(this::store);
        });
        return tx.transactional(work)
                .onErrorMap(DataIntegrityViolationException.class, e -> Refused.conflict("version-conflict",
                        "provider " + agb + " was registered or changed meanwhile; read it again and retry"))
                .doOnNext(saved -> {
                    meters.counter("transfertafel.providers.changed", "region", saved.provider().region(),
                            "change", saved.created() ? "registered" : "changed").increment();
                    log.info("provider {} {} (version {})", agb, saved.created() ? "registered" : "saved",
                            saved.provider().version());
                });
    }

    public Mono<Provider> get(String agb) {
        return providers.find(agb).switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + agb)));
    }

    public Flux<Provider> list(String region, String representativeAgb) {
        return providers.list(region, representativeAgb);
    }

    private Mono<Saved> store(Existing existing) {
        Outcome.Done<Provider> done = existing.outcome().orRaise(Refusals::refused);
        Provider provider = done.state();
        if (!done.changed()) {
            return Mono.just(new Saved(provider, false));
        }
        Mono<Void> write = existing.current() == null ? providers.insert(provider)
                : providers.update(provider, existing.current().version()).flatMap(updated -> updated ? Mono.<Void>empty()
                        : Mono.error(Refused.conflict("version-conflict", "provider changed meanwhile")));
        Mono<Void> withdraw = existing.current() != null && existing.current().active() && !provider.active()
                ? inactiveProviders.madeInactive(provider.agb()) : Mono.empty();
        return write.then(outbox.append(done.events())).then(withdraw)
                .thenReturn(new Saved(provider, existing.current() == null));
    }

    private record Existing(Provider current, Outcome<Provider> outcome) {
    }
}
