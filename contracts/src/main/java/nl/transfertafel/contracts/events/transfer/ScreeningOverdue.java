package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * A proposal has waited longer than the region allows for its four-eyes screening; the region's
 * coordinators are reminded. Emitted once per proposal.
 */
@EventType(name = "ScreeningOverdue", topic = Topics.TRANSFER_EVENTS)
public record ScreeningOverdue(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        int approvals,
        int hoursWaiting) implements EventPayload {
}
