package nl.transfertafel.intake;

import nl.transfertafel.testkit.TestStack;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class IntakeWiring {

    private IntakeWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("intake").forEach((key, value) -> registry.add(key, () -> value));
    }
}
