package nl.transfertafel.capacity;

import nl.transfertafel.testkit.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class CapacityWiring {

    private CapacityWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("capacity").forEach((key, value) -> registry.add(key, () -> value));
    }
}
