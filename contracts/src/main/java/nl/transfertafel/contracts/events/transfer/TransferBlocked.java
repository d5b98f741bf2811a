package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * The transfer table would have considered this provider for the client but the client's insurer
 * has not contracted it or its budget ceiling is reached (000:570-575). Insurers must see these
 * blocks. Emitted once per client, provider and reason while the block lasts.
 */
@EventType(name = "TransferBlocked", topic = Topics.TRANSFER_EVENTS)
public record TransferBlocked(
        String referralId,
        String clientPseudonym,
        String insurerUzovi,
        String providerAgb,
        String capacityLineId,
        String currentProviderAgb,
        Reason reason) implements EventPayload {

    public enum Reason { NOT_CONTRACTED, CEILING_REACHED }
}
