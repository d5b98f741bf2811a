package nl.transfertafel.capacity.contract.domain;

/**
 * May a client of this insurer be transferred to this provider? Not when the insurer has not
 * contracted the provider (no contract on record counts as not contracted) and not when the budget
 * ceiling with that insurer is reached (000:570-575). The transfer table applies the same rule to
 * the ContractChanged events and records each block, because insurers must see them.
 */
public final class BudgetCeilingPolicy {

    public enum Verdict { ALLOWED, NOT_CONTRACTED, CEILING_REACHED }

    private BudgetCeilingPolicy() {
    }

    public static Verdict mayReceive(Contract contract) {
        if (contract == null || !contract.contracted()) {
            return Verdict.NOT_CONTRACTED;
        }
        return contract.ceilingReached() ? Verdict.CEILING_REACHED : Verdict.ALLOWED;
    }
}
