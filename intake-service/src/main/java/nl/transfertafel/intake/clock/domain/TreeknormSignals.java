package nl.transfertafel.intake.clock.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Level;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Norm;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.intake.waitinglist.domain.Treeknorm;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/**
 * Which Treeknorm signals an entry is due today. The intake norm runs while the client waits for
 * an intake; the treatment norm while they wait for treatment (before or after intake). A norm is
 * at risk from {@code atRiskDays} before its deadline up to the deadline itself, and breached the
 * day after. Only the level reached today is due: an entry first seen after its deadline gets
 * BREACHED, not a belated AT_RISK. Sending each (entry, norm, level) once is the caller's record.
 */
public record TreeknormSignals(int atRiskDays) {

    public record Due(Norm norm, Level level, LocalDate deadline) {
    }

    public TreeknormSignals {
        if (atRiskDays < 0) {
            throw new IllegalArgumentException("atRiskDays must not be negative");
        }
    }

    public List<Due> due(WaitingEntry entry, LocalDate today) {
        List<Due> due = new ArrayList<>();
        if (entry.stage() == Stage.WAITING) {
            level(entry.intakeDeadline(), today).ifPresent(level -> due.add(new Due(Norm.INTAKE, level, entry.intakeDeadline())));
        }
        if (entry.stage() == Stage.WAITING || entry.stage() == Stage.INTAKE_DONE) {
            level(entry.treatmentDeadline(), today)
                    .ifPresent(level -> due.add(new Due(Norm.TREATMENT, level, entry.treatmentDeadline())));
        }
        return due;
    }

    /** The event that tells the GP, the provider and the transfer table; pseudonymous like every intake event. */
    public static NewEvent signal(WaitingEntry entry, Due due, Clock clock) {
        TreeknormSignalled payload = new TreeknormSignalled(entry.referralId().toString(), entry.clientPseudonym(),
                entry.referrerAgb(), entry.providerAgb(), entry.diagnosisGroup(), due.norm(), due.level(), due.deadline());
        return new NewEvent(UUID.randomUUID(), clock.instant(), entry.region(), entry.referralId().toString(), payload);
    }

    /** Entries registered after this day cannot be due for anything yet (for a query that pre-selects). */
    public LocalDate registeredOnOrBefore(LocalDate today) {
        return today.minusWeeks(Treeknorm.WEEKS_TO_INTAKE).plusDays(atRiskDays);
    }

    private Optional<Level> level(LocalDate deadline, LocalDate today) {
        if (today.isAfter(deadline)) {
            return Optional.of(Level.BREACHED);
        }
        if (!today.isBefore(deadline.minusDays(atRiskDays))) {
            return Optional.of(Level.AT_RISK);
        }
        return Optional.empty();
    }
}
