package nl.transfertafel.simulator.world;

/**
 * An insurer's contract with a provider (from demo-data) and its budget ceiling, expressed as the
 * number of intakes a calendar year it pays for (domain rule 3, 000:570-575).
 */
public record ContractSpec(String insurerUzovi, String providerAgb, boolean contracted, int ceilingIntakes) {
}
