package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;

/** The transfer table proposed a match; it waits for screening by two coordinators. */
@EventType(name = "TransferProposed", topic = Topics.TRANSFER_EVENTS)
public record TransferProposed(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String capacityLineId,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        Origin origin,
        DiagnosisGroup diagnosisGroup,
        Urgency urgency) implements EventPayload {

    public enum Origin { ENGINE, MANUAL }
}
