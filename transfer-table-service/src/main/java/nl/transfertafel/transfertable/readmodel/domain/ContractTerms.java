package nl.transfertafel.transfertable.readmodel.domain;

/** An insurer's contract with a provider (rule 3: no transfer to an uncontracted provider or past its ceiling). */
public record ContractTerms(String insurerUzovi, String providerAgb, boolean contracted, boolean ceilingReached) {

    public static String key(String insurerUzovi, String providerAgb) {
        return insurerUzovi + "/" + providerAgb;
    }
}
