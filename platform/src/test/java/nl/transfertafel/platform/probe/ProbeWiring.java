package nl.transfertafel.platform.probe;

import nl.transfertafel.testkit.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class ProbeWiring {

    private ProbeWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("platform_test").forEach((key, value) -> registry.add(key, () -> value));
        // the test issuer's keys plus one of the tests' own, so tests can send tokens it would never make
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ForeignTokens::jwksUri);
        // as every deployment does: tokens must name this issuer
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestStack.tokens().issuer());
    }
}
