package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * The receiving provider or the client (or the GP or a client supporter on the client's behalf)
 * answered an offer. Zelfregie: a transfer happens only when both accepted.
 */
@EventType(name = "OfferResponded", topic = Topics.TRANSFER_EVENTS)
public record OfferResponded(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        Party party,
        boolean accepted,
        DeclineReason declineReason) implements EventPayload {

    public enum Party { RECEIVING_PROVIDER, CLIENT }
}
