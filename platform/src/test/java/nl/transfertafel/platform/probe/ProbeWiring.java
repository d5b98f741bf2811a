package nl.transfertafel.platform.probe;

import nl.transfertafel.testkit.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class ProbeWiring {

    /** The probe application\'s database on the shared embedded PostgreSQL. */
    public static final String DATABASE = "platform_test";

    private ProbeWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
        // the test issuer's keys plus one of the tests' own, so tests can send tokens it would never make
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ForeignTokens::jwksUri);
        // as every deployment does: tokens must name this issuer
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestStack.tokens().issuer());
    }
}
