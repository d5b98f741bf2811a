package nl.transfertafel.platform.probe;

import nl.transfertafel.testkit.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class ProbeWiring {

    private ProbeWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("platform_test").forEach((key, value) -> registry.add(key, () -> value));
    }
}
