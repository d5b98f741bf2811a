package nl.transfertafel.transfertable.closure.domain;

import java.time.LocalDate;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;

/**
 * One client of a closure case, with what the table knows of it now: whether it was in treatment at
 * the closing provider (then it needs a warm handover, not a new waiting place), whether it still
 * waits, its most telling proposal (a completed one, else an open one, else the latest; null when
 * none) and whether an escalation case was opened for it. Pseudonymous: no personal data.
 *
 * @param outOfRegionSince the day a round of the member's region left it without a place there, from which
 *                         other regions' lines are open to it (ADR 1430); null while its region may still place it
 * @param proposalOutOfRegion the most telling proposal is on a line of another region than the member's
 * @param locationUnknown  a location closure took the member in although nobody named its location (it may be
 *                         treated at another location of the provider): said in the case view, not dropped
 */
public record ClosureMember(String referralId, String region, String clientPseudonym, String insurerUzovi,
        LocalDate registeredOn, boolean inTreatment, boolean stillWaiting, String proposalId,
        ProposalState proposalState, LocalDate proposalChangedOn, boolean escalated, LocalDate outOfRegionSince,
        boolean proposalOutOfRegion, boolean locationUnknown) {

    /** A member never considered out of region. */
    public ClosureMember(String referralId, String region, String clientPseudonym, String insurerUzovi,
            LocalDate registeredOn, boolean inTreatment, boolean stillWaiting, String proposalId,
            ProposalState proposalState, LocalDate proposalChangedOn, boolean escalated) {
        this(referralId, region, clientPseudonym, insurerUzovi, registeredOn, inTreatment, stillWaiting, proposalId,
                proposalState, proposalChangedOn, escalated, null, false, false);
    }

    /**
     * In treatment at the closing provider and put back on the waiting list by intake because the treatment must
     * move (ADR 1431), or placed from there: re-matched, with the handover contact still on the case.
     */
    public boolean rematchedFromTreatment() {
        return inTreatment && (stillWaiting || proposalState == ProposalState.COMPLETED);
    }
}
