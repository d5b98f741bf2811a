package nl.transfertafel.demo;

/**
 * The fixed organisations of the first demo region, the ones the local token issuer's demo users
 * act for. Kept here so the generated world and the demo users agree.
 */
public final class DemoOrganisations {

    public static final String REGION = "rotterdam";
    public static final String GP_PRACTICE_AGB = "01000001";
    public static final String PROVIDER_AGB = "22000001";
    public static final String OTHER_PROVIDER_AGB = "22000002";
    public static final String INSURER_UZOVI = "3311";

    private DemoOrganisations() {
    }
}
