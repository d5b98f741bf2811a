package nl.transfertafel.intake.figures.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.intake.validation.domain.RoundFigures;

/**
 * Transparency figures (domain rule 10, seeds 001:19-20, 147-148, 252-256) for a region or one
 * provider: how many clients wait, counted once each by pseudonym even when on several lists
 * (criterion h, 001:229-230), how many are beyond each Treeknorm, by waiting status, and intakes and
 * treatment starts per month, and the newest validation rounds' figures. Counts only; no personal data.
 */
public record Figures(
        String region,
        String providerAgb,
        LocalDate asOf,
        Counts total,
        List<Counts> byDiagnosisGroup,
        List<Month> months,
        List<RoundFigures> validationRounds) {

    /** The region's (or the provider's own) newest "still waiting?" rounds, newest first (issue 15 item 1). */
    public static final int VALIDATION_ROUNDS = 5;

    public Figures withValidationRounds(List<RoundFigures> rounds) {
        return new Figures(region, providerAgb, asOf, total, byDiagnosisGroup, months, List.copyOf(rounds));
    }

    /**
     * Clients waiting (for intake or for treatment after intake). {@code diagnosisGroup} is null for
     * the total. Every count except {@code waitingEntries} is of unique clients; a client waiting in
     * two groups counts in both groups and once in the total.
     */
    public record Counts(
            DiagnosisGroup diagnosisGroup,
            long uniqueWaiting,
            long waitingEntries,
            long beyondIntakeNorm,
            long beyondTreatmentNorm,
            long unplaced,
            long stale,
            Map<WaitingStatus, Long> byWaitingStatus) {
    }

    /** Intakes and treatment starts recorded in a month, per diagnosis group. */
    public record Month(YearMonth month, DiagnosisGroup diagnosisGroup, long intakes, long treatmentStarts) {
    }

    /** Whose figures: a region's, or one provider's own. */
    public sealed interface Scope {
        record Region(String code) implements Scope {
        }

        record Provider(String agb) implements Scope {
        }
    }
}
