package nl.transfertafel.platform.probe;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the platform's integration tests: one {@code @DynamicPropertySource} method for all
 * of them, so Spring's context cache sees one configuration and they share one probe context (one
 * consumer group member, one relay) instead of one per test class.
 */
@ProbeTest
public abstract class ProbeIntegrationTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ProbeWiring.register(registry);
    }
}
