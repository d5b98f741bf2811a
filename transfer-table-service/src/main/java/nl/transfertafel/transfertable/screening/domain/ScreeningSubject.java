package nl.transfertafel.transfertable.screening.domain;

import java.util.List;

/**
 * What is being screened, as far as the four-eyes rule cares: its region, the client's current
 * provider (null when the client waits unplaced), who proposed it by hand (null for the engine and
 * for waiting-list screenings) and the approvals so far.
 */
public record ScreeningSubject(String region, String currentProviderAgb, String proposedByUserId,
        List<Approval> approvals) {

    public ScreeningSubject {
        approvals = List.copyOf(approvals);
    }

    public boolean approvedBy(String userId) {
        return approvals.stream().anyMatch(a -> a.userId().equals(userId));
    }
}
