package nl.transfertafel.transfertable.screening.domain;

import java.util.List;

/**
 * What is being screened, as far as the four-eyes rule cares: its region, the client's current
 * provider (null when the client waits unplaced), the receiving provider (null for waiting-list
 * screenings, which move nobody), who proposed it by hand (null for the engine and for
 * waiting-list screenings), the approvals so far and a rejection waiting for its confirmation
 * (null when there is none).
 */
public record ScreeningSubject(String region, String currentProviderAgb, String receivingProviderAgb,
        String proposedByUserId, List<Approval> approvals, Approval pendingRejection) {

    public ScreeningSubject {
        approvals = List.copyOf(approvals);
    }

    /** A subject without a receiving provider and without a pending rejection. */
    public ScreeningSubject(String region, String currentProviderAgb, String proposedByUserId, List<Approval> approvals) {
        this(region, currentProviderAgb, null, proposedByUserId, approvals, null);
    }

    public boolean approvedBy(String userId) {
        return approvals.stream().anyMatch(a -> a.userId().equals(userId));
    }
}
