package nl.transfertafel.intake.testsupport;

import java.util.List;
import nl.transfertafel.testkit.TestStack;

/** Tokens from the real local token issuer for any organisation and region. */
public final class Actors {

    public static final String REGION = "rotterdam";

    private Actors() {
    }

    public static String gp(String agb) {
        return gp(agb, REGION);
    }

    public static String gp(String agb, String region) {
        return TestStack.tokens().token("gp-" + agb, List.of("GP"), agb, region);
    }

    public static String provider(String agb) {
        return provider(agb, REGION);
    }

    public static String provider(String agb, String region) {
        return TestStack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, region);
    }

    public static String coordinator(String region) {
        return TestStack.tokens().token("coordinator-" + region, List.of("COORDINATOR"), "22000001", region);
    }

    public static String insurer(String region) {
        return TestStack.tokens().token("insurer-" + region, List.of("INSURER"), "3311", region);
    }

    public static String admin() {
        return TestStack.tokens().token("admin", List.of("ADMIN"), "TRANSFERTAFEL", REGION);
    }

    public static String service(String name) {
        return TestStack.tokens().serviceToken(name);
    }
}
