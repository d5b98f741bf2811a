package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * A proposal or offer ended without a transfer; the client returns to the pool. When a place was
 * reserved ({@code reservationId} set), capacity-service releases it on this event.
 */
@EventType(name = "TransferEnded", topic = Topics.TRANSFER_EVENTS)
public record TransferEnded(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String capacityLineId,
        String reservationId,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        Outcome outcome,
        DeclineReason declineReason) implements EventPayload {

    public enum Outcome {
        REJECTED_IN_SCREENING,
        PLACE_GONE,
        DECLINED_BY_PROVIDER,
        DECLINED_BY_CLIENT,
        OFFER_EXPIRED,
        CLIENT_LEFT_WAITING_LIST
    }
}
