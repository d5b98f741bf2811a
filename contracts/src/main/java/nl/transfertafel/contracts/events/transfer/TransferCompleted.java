package nl.transfertafel.contracts.events.transfer;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * Provider and client both accepted: the client's waiting entry moves to the receiving provider
 * (keeping its registration date) and the warm handover starts with a named contact point
 * (an organisational contact such as the intake desk, never client data).
 */
@EventType(name = "TransferCompleted", topic = Topics.TRANSFER_EVENTS)
public record TransferCompleted(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String receivingProviderAgb,
        String previousProviderAgb,
        String referrerAgb,
        String reservationId,
        String handoverContact,
        LocalDate completedOn) implements EventPayload {
}
