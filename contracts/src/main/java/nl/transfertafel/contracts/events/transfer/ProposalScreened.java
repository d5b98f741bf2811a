package nl.transfertafel.contracts.events.transfer;

import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * A coordinator screened a proposal (four-eyes rule, criterion b of the 2021 action plan). Carries
 * the organisation of the coordinator, never a person's name; a rejection carries a coded reason
 * only, because free text could hold client details and case discussion stays anonymous.
 */
@EventType(name = "ProposalScreened", topic = Topics.TRANSFER_EVENTS)
public record ProposalScreened(
        String proposalId,
        String referralId,
        String clientPseudonym,
        String receivingProviderAgb,
        String currentProviderAgb,
        String referrerAgb,
        Decision decision,
        int approvals,
        int approvalsNeeded,
        String coordinatorOrganisation,
        RejectionReason rejectionReason) implements EventPayload {

    public enum Decision { APPROVED, REJECTED }

    public enum RejectionReason {
        CLIENT_NOT_SUITABLE_FOR_TRANSFER,
        PROVIDER_NOT_SUITABLE,
        CLIENT_SITUATION_CHANGED,
        BETTER_OPTION_EXPECTED,
        OTHER
    }
}
