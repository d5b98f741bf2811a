package nl.transfertafel.capacity.contract.domain;

import java.time.Clock;
import java.util.Objects;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Codes;
import nl.transfertafel.capacity.common.domain.Decision;
import nl.transfertafel.capacity.common.domain.Events;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.events.capacity.ContractChanged;

/**
 * What an insurer agreed with a provider: contracted or not, and the budget ceiling (an amount
 * with the amount used so far, or just the insurer's "reached" flag). A transfer cannot go to a
 * provider the client's insurer has not contracted or whose ceiling with that insurer is reached
 * (000:570-575); see {@link BudgetCeilingPolicy}.
 */
public record Contract(
        String insurerUzovi,
        String providerAgb,
        String region,
        boolean contracted,
        Long ceilingEuro,
        Long usedEuro,
        boolean reachedFlag,
        long version) {

    /** Reached when the insurer says so, or when the amount used is at or above the ceiling. */
    public boolean ceilingReached() {
        return contracted && (reachedFlag || ceilingEuro != null && usedEuro != null && usedEuro >= ceilingEuro);
    }

    /**
     * Records the terms for this insurer and provider; {@code current} is the contract so far, or null.
     * An insurer may only set its own contracts; ADMIN any.
     */
    public static Outcome<Contract> agree(String insurerUzovi, Provider provider, ContractTerms terms, Acting acting,
            Contract current, Clock clock) {
        Decision decision = Codes.uzovi("insurerUzovi", insurerUzovi).map(Decision::refuse).orElse(Decision.allow())
                .and(() -> ContractAuthority.mayMaintain(acting, insurerUzovi))
                .and(() -> terms.contracted() || terms.ceilingEuro() == null && !Boolean.TRUE.equals(terms.ceilingReached())
                        ? Decision.allow()
                        : Decision.refuse(Refusal.invalid("ceilingEuro", "needs-contract",
                                "a budget ceiling only exists with a contract")))
                .and(() -> terms.expectedVersion() == null || current != null && terms.expectedVersion() == current.version
                        || current == null && terms.expectedVersion() == 0 ? Decision.allow()
                        : Decision.refuse(Refusal.conflict("version-conflict", "the contract changed meanwhile (now version "
                                + (current == null ? 0 : current.version) + "); read it again and retry")));
        if (decision.refusal().isPresent()) {
            return Outcome.rejected(decision.refusal().get());
        }
        Contract agreed = new Contract(insurerUzovi, provider.agb(), provider.region(), terms.contracted(),
                terms.contracted() ? terms.ceilingEuro() : null, terms.contracted() ? terms.usedEuro() : null,
                terms.contracted() && Boolean.TRUE.equals(terms.ceilingReached()),
                current == null ? 1 : current.version + 1);
        if (current != null && agreed.sameTermsAs(current)) {
            return Outcome.unchanged(current);
        }
        return Outcome.done(agreed, Events.event(clock, agreed.region, insurerUzovi + ":" + provider.agb(),
                new ContractChanged(insurerUzovi, provider.agb(), agreed.contracted, agreed.ceilingReached(),
                        agreed.version)));
    }

    private boolean sameTermsAs(Contract other) {
        return contracted == other.contracted && Objects.equals(ceilingEuro, other.ceilingEuro)
                && Objects.equals(usedEuro, other.usedEuro) && reachedFlag == other.reachedFlag;
    }
}
