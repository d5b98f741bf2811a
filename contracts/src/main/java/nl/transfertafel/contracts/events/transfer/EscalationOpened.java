package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * A client could not be placed in the region in time (or is urgent without a match) and becomes a
 * case for the insurer's care mediation or the regional escalation authority (000:543-551).
 */
@EventType(name = "EscalationOpened", topic = Topics.TRANSFER_EVENTS)
public record EscalationOpened(
        String escalationId,
        String referralId,
        String clientPseudonym,
        String insurerUzovi,
        String currentProviderAgb,
        String referrerAgb,
        Reason reason,
        Route route,
        int daysWaited) implements EventPayload {

    public enum Reason { NO_ELIGIBLE_CAPACITY, URGENT_WITHOUT_MATCH }

    public enum Route { INSURER_MEDIATION, ESCALATION_AUTHORITY }
}
