package nl.transfertafel.contracts.events.transfer;

import java.time.Instant;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/** Two coordinators approved and the place is reserved: the receiving provider and the client are offered the transfer. */
@EventType(name = "TransferOffered", topic = Topics.TRANSFER_EVENTS)
public record TransferOffered(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String capacityLineId,
        String reservationId,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        Instant offerExpiresAt) implements EventPayload {
}
