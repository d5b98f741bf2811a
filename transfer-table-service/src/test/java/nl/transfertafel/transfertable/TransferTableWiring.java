package nl.transfertafel.transfertable;

import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import org.springframework.test.context.DynamicPropertyRegistry;

public final class TransferTableWiring {

    private TransferTableWiring() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestStack.wiring("transfer_table").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("transfertafel.services.capacity-url", () -> FakeCapacityService.instance().url());
    }
}
