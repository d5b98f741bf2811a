package nl.transfertafel.intake.waitinglist.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;

/**
 * Where a waiting entry stands: at which provider (or unplaced, and why: {@code placement}), stage
 * and status, days waited, the two Treeknorm deadlines, and the {@code version} to send back as
 * {@code expectedVersion} with a change. {@code waitCountsFrom}: set when the treatment must move because the
 * provider closes, the day the Treeknorm clocks count from (ADR 1431); {@code locationId}: the provider's location
 * where the client waits or is treated, when named.
 */
public record EntryState(
        UUID referralId,
        String providerAgb,
        Placement placement,
        WaitingStatus waitingStatus,
        Stage stage,
        WithdrawalReason withdrawalReason,
        LocalDate registeredOn,
        long daysWaited,
        LocalDate intakeDeadline,
        LocalDate treatmentDeadline,
        LocalDate intakeOn,
        LocalDate treatmentStartedOn,
        LocalDate withdrawnOn,
        LocalDate statusConfirmedOn,
        boolean stale,
        Change lastChange,
        long version,
        LocalDate waitCountsFrom,
        String locationId) {

    public static EntryState of(WaitingEntry entry, Clock clock) {
        return new EntryState(entry.referralId(), entry.providerAgb(), entry.placement(), entry.waitingStatus(),
                entry.stage(), entry.withdrawalReason(), entry.registeredOn(), entry.daysWaited(LocalDate.now(clock)),
                entry.intakeDeadline(), entry.treatmentDeadline(), entry.intakeOn(), entry.treatmentStartedOn(),
                entry.withdrawnOn(), entry.statusConfirmedOn(), entry.stale(), entry.lastChange(), entry.version(),
                entry.waitCountsFrom(), entry.locationId());
    }
}
