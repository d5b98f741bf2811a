package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/** An escalation case was resolved; how, coded for the figures. */
@EventType(name = "EscalationResolved", topic = Topics.TRANSFER_EVENTS)
public record EscalationResolved(
        String escalationId,
        String referralId,
        String clientPseudonym,
        String insurerUzovi,
        String referrerAgb,
        Resolution resolution,
        String resolvedByOrganisation) implements EventPayload {

    public enum Resolution {
        PLACED_IN_REGION,
        PLACED_OUT_OF_REGION,
        E_HEALTH,
        CARE_PURCHASED,
        NO_LONGER_NEEDED,
        OTHER
    }
}
