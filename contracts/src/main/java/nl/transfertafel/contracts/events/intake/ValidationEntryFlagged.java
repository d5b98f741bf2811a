package nl.transfertafel.contracts.events.intake;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * Nobody answered a validation question, not even after the reminder: the entry is flagged for the
 * provider (waiting list) and the GP (worklist) to follow up. The client stays on the list: a round
 * never removes anyone on its own (issue 15 item 1).
 */
@EventType(name = "ValidationEntryFlagged", topic = Topics.INTAKE_WAITING_EVENTS)
public record ValidationEntryFlagged(
        String roundId,
        String questionId,
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb) implements EventPayload {
}
