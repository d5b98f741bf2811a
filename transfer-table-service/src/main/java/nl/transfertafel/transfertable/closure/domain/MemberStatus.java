package nl.transfertafel.transfertable.closure.domain;

import nl.transfertafel.transfertable.proposal.domain.ProposalState;

/** Where a member of a closure case stands; the queue view counts each. */
public enum MemberStatus {
    /** The transfer was completed: the client moved to another provider. */
    PLACED,
    /** Approved by two coordinators; the offer is out to the receiving provider and the client. */
    OFFERED,
    /** Proposed and waiting for its four-eyes screening. */
    IN_SCREENING,
    /** Waiting without a proposal (not eligible anywhere yet, or every proposal ended). */
    NO_MATCH_YET,
    /**
     * In intake or treatment at the closing provider, not (yet) back on the waiting list: a warm handover with the
     * closing organisation's contact. Once intake puts the client back (TREATMENT_MUST_MOVE, ADR 1431) it is
     * matched like a waiting member and counts as in screening, offered, no match yet or placed.
     */
    WARM_HANDOVER,
    /** Left the waiting list without a transfer (withdrawn, intake elsewhere). */
    LEFT;

    /**
     * The status of a member; a completed transfer wins over everything else, a treatment not yet put back on
     * the waiting list over waiting.
     */
    public static MemberStatus of(ClosureMember m) {
        ProposalState state = m.proposalState();
        if (state == ProposalState.COMPLETED) {
            return PLACED;
        }
        if (m.inTreatment() && !m.stillWaiting()) {
            return WARM_HANDOVER;
        }
        if (!m.stillWaiting()) {
            return LEFT;
        }
        if (state != null && ProposalState.AWAITING_SCREENING.contains(state)) {
            return IN_SCREENING;
        }
        if (state != null && state.isOpen()) {
            return OFFERED;
        }
        return NO_MATCH_YET;
    }
}
