package nl.transfertafel.transfertable.closure.domain;

import java.time.LocalDate;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;

/**
 * One client of a closure case, with what the table knows of it now: whether it was in treatment at
 * the closing provider (then it needs a warm handover, not a new waiting place), whether it still
 * waits, its most telling proposal (a completed one, else an open one, else the latest; null when
 * none) and whether an escalation case was opened for it. Pseudonymous: no personal data.
 */
public record ClosureMember(String referralId, String region, String clientPseudonym, String insurerUzovi,
        LocalDate registeredOn, boolean inTreatment, boolean stillWaiting, String proposalId,
        ProposalState proposalState, LocalDate proposalChangedOn, boolean escalated) {
}
