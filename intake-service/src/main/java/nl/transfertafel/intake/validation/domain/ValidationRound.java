package nl.transfertafel.intake.validation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A "still waiting?" round (issue 15 item 1): who started it, its scope, its deadline and the end of
 * the reminder period, and how many waited in its scope when it started.
 */
public record ValidationRound(
        UUID id,
        RoundScope scope,
        String startedBy,
        String startedByOrganisation,
        Instant startedAt,
        Instant deadline,
        Instant reminderUntil,
        RoundStatus status,
        long waitingBefore) {

    /** Whether the deadline job has something to do for this round now. */
    public boolean reminderDue(Instant now) {
        return status == RoundStatus.OPEN && !now.isBefore(deadline);
    }

    public boolean closeDue(Instant now) {
        return status == RoundStatus.REMINDED && !now.isBefore(reminderUntil);
    }

    /** Answers are taken until the reminder period ends (also after the round closed: a late "yes" still counts). */
    public boolean acceptsAnswers(Instant now) {
        return now.isBefore(reminderUntil);
    }
}
