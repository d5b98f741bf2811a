package nl.transfertafel.transfertable.proposal.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where a proposal stands. The legal moves between these are in {@link ProposalLifecycle}, and only there. */
public enum ProposalState {
    /** Waiting for the first of two screenings. */
    PROPOSED,
    /** One coordinator approved; waiting for the second (four eyes). */
    SCREENED_ONCE,
    /** Two coordinators approved; the place is being reserved at capacity-service. */
    APPROVED,
    /** The place is reserved; the receiving provider and the client are asked. */
    OFFERED,
    ACCEPTED_BY_PROVIDER,
    ACCEPTED_BY_CLIENT,
    /** Both accepted: the client moves to the receiving provider. */
    COMPLETED,
    /** A coordinator rejected it in screening (with a coded reason). */
    REJECTED,
    /** The place was gone when it was to be reserved (capacity-service answered 409). */
    LAPSED,
    /** The receiving provider or the client declined. */
    DECLINED,
    /** Nobody answered in time. */
    EXPIRED,
    /** The client left the waiting list (intake done elsewhere, treatment started, withdrawn). */
    WITHDRAWN;

    public static final Set<ProposalState> OPEN = EnumSet.of(PROPOSED, SCREENED_ONCE, APPROVED, OFFERED,
            ACCEPTED_BY_PROVIDER, ACCEPTED_BY_CLIENT);
    public static final Set<ProposalState> AWAITING_SCREENING = EnumSet.of(PROPOSED, SCREENED_ONCE);
    /** Open and holding a place without a reservation yet: counted against a line's free places. */
    public static final Set<ProposalState> HOLDING_UNRESERVED = EnumSet.of(PROPOSED, SCREENED_ONCE, APPROVED);
    public static final Set<ProposalState> OFFER_OPEN = EnumSet.of(OFFERED, ACCEPTED_BY_PROVIDER, ACCEPTED_BY_CLIENT);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isTerminal() {
        return !isOpen();
    }
}
