package nl.transfertafel.capacity.contract.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.contract.domain.Contract;
import nl.transfertafel.capacity.contract.domain.ContractAuthority;
import nl.transfertafel.capacity.contract.domain.ContractTerms;
import nl.transfertafel.capacity.contract.infrastructure.ContractRepository;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Insurers' contracts and budget ceilings; every change is stored with its ContractChanged event. */
public class ContractService {

    private static final Logger log = LoggerFactory.getLogger(ContractService.class);

    public record Saved(Contract contract, boolean created) {
    }

    private final ContractRepository contracts;
    private final ProviderRepository providers;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public ContractService(ContractRepository contracts, ProviderRepository providers, Outbox outbox,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        this.contracts = contracts;
        this.providers = providers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<Saved> put(Acting acting, String insurerUzovi, String providerAgb, ContractTerms terms) {
        Mono<Saved> work = Mono.defer(() -> {
            // both codes before any lookup: a 404 for a malformed one would repeat the value sent
            Codes.uzovi("insurerUzovi", insurerUzovi).ifPresent(refusal -> {
                throw Refusals.refused(refusal);
            });
            Codes.agb("providerAgb", providerAgb).ifPresent(refusal -> {
                throw Refusals.refused(refusal);
            });
            return providers.find(providerAgb)
                    .switchIfEmpty(Mono.error(() -> Refused.notFound("provider " + providerAgb)))
                    .flatMap(provider -> contracts.lock(insurerUzovi, providerAgb)
                            .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(current -> {
                                var done = Contract.agree(insurerUzovi, provider, terms, acting, current.orElse(null),
                                        clock).orRaise(Refusals::refused);
                                if (!done.changed()) {
                                    return Mono.just(new Saved(done.state(), false));
                                }
                                long expected = current.map(Contract::version).orElse(0L);
                                return contracts.save(done.state(), expected)
                                        .flatMap(saved -> saved ? outbox.append(done.events())
                                                : Mono.error(Refused.conflict("version-conflict",
                                                        "the contract was changed meanwhile; read it again and retry")))
                                        .thenReturn(new Saved(done.state(), current.isEmpty()));
                            }));
        });
        return tx.transactional(work).doOnNext(saved -> {
            meters.counter("transfertafel.contracts.changed", "region", saved.contract().region()).increment();
            log.info("contract {} x {}: contracted {}, ceiling reached {} (version {})", insurerUzovi, providerAgb,
                    saved.contract().contracted(), saved.contract().ceilingReached(), saved.contract().version());
        });
    }

    /** Contracts the actor may read: an insurer its own, a provider those with it, ADMIN any (filtered). */
    public Flux<Contract> list(Acting acting, boolean insurer, boolean provider, String insurerUzovi, String providerAgb) {
        if (acting.admin()) {
            return contracts.find(insurerUzovi, providerAgb);
        }
        if (insurer) {
            if (insurerUzovi != null && !acting.isOrganisation(insurerUzovi)) {
                return Flux.error(Refusals.refused(ContractAuthority.mayMaintain(acting, insurerUzovi).refusal().orElseThrow()));
            }
            return contracts.find(acting.organisation(), providerAgb);
        }
        if (provider) {
            if (providerAgb != null && !acting.isOrganisation(providerAgb)) {
                return Flux.error(Refused.forbidden("not-your-organisation",
                        "a provider reads only its own contracts"));
            }
            return contracts.find(insurerUzovi, acting.organisation());
        }
        return Flux.error(Refused.forbidden("authorisation", "your role does not read contracts"));
    }
}
