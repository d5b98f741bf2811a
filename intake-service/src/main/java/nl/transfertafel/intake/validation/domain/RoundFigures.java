package nl.transfertafel.intake.validation.domain;

import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;

/**
 * A round's figures (issue 15 item 1), the shape the regional dashboard reads from
 * {@code GET /api/v1/figures} ({@code validationRounds}) and {@code GET /api/v1/validation-rounds}.
 * Counts only.
 *
 * @param asked         questions asked: one per waiting entry in scope when the round started
 * @param answered      questions answered, by any channel
 * @param stillWaiting  answered "still waiting" (nothing changed)
 * @param withdrawn     answered "no longer needed" (the entry was withdrawn)
 * @param changed       answered with a change that keeps the client on the list (waiting as a
 *                      precaution, no more transfer screening)
 * @param noAnswer      not answered (yet; once the round is CLOSED these entries are flagged)
 * @param waitingBefore unique clients (by pseudonym, criterion h) waiting in scope when the round started
 * @param waitingAfter  of those, unique clients still waiting: now, or when the round closed
 */
public record RoundFigures(
        UUID roundId,
        Scope scope,
        Instant startedAt,
        Instant deadline,
        RoundStatus status,
        long asked,
        long answered,
        long stillWaiting,
        long withdrawn,
        long changed,
        long noAnswer,
        long waitingBefore,
        long waitingAfter) {

    /** The scope as the dashboard shows it (null where the round did not narrow it). */
    public record Scope(String region, String providerAgb, DiagnosisGroup diagnosisGroup) {
    }
}
