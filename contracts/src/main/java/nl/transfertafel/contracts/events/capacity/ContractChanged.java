package nl.transfertafel.contracts.events.capacity;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/** An insurer's contract with a provider: contracted or not, and whether the budget ceiling is reached. */
@EventType(name = "ContractChanged", topic = Topics.CAPACITY_EVENTS)
public record ContractChanged(
        String insurerUzovi,
        String providerAgb,
        boolean contracted,
        boolean ceilingReached,
        long version) implements EventPayload {
}
