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

    // a second GP practice, a third provider of the first region, and a provider of the second region:
    // the demo users for tenancy and four-eyes cases act for them (the generator's own codes, fixed here)
    public static final String SECOND_GP_PRACTICE_AGB = "01000011";
    public static final String THIRD_PROVIDER_AGB = "22000012";
    public static final String OTHER_REGION = "apeldoorn-zutphen";
    public static final String OTHER_REGION_PROVIDER_AGB = "22010010";

    private DemoOrganisations() {
    }
}
