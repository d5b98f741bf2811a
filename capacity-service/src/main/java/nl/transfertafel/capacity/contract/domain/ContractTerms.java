package nl.transfertafel.capacity.contract.domain;

/**
 * The terms as the insurer states them. {@code ceilingReached} is the insurer's own flag (for when it
 * does not share amounts); with amounts, the ceiling also counts as reached when used ≥ ceiling.
 * {@code expectedVersion} (0 for a new contract), when given, makes the change fail if the contract
 * changed meanwhile.
 */
public record ContractTerms(boolean contracted, Long ceilingEuro, Long usedEuro, Boolean ceilingReached,
        Long expectedVersion) {
}
