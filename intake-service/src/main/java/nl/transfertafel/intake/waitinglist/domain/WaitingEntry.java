package nl.transfertafel.intake.waitinglist.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.waitinglist.domain.EntryLifecycle.Command;

/**
 * A client's place on a waiting list: one per referral, at a provider (placed) or not yet
 * (unplaced: the provider has a registration stop or pause, or none was named; such entries stay
 * visible and go to the transfer table). Every command returns the entry after the change and a
 * {@link WaitingEntryChanged} snapshot with the next version, or a refusal. The registration date
 * never changes, not even when the entry moves after a transfer: the Treeknorm clock keeps running
 * (domain rule 5).
 */
public record WaitingEntry(
        UUID referralId,
        String region,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb,
        Placement placement,
        WaitingStatus waitingStatus,
        Stage stage,
        WithdrawalReason withdrawalReason,
        DiagnosisGroup diagnosisGroup,
        Urgency urgency,
        LocalDate registeredOn,
        LocalDate intakeOn,
        LocalDate treatmentStartedOn,
        LocalDate withdrawnOn,
        LocalDate statusConfirmedOn,
        boolean stale,
        Change lastChange,
        long version,
        LocalDate waitCountsFrom,
        String locationId) {

    /** Where the client waits or is treated is not named (issue 15: a location closure reads it when known). */
    public WaitingEntry(UUID referralId, String region, String clientPseudonym, String referrerAgb, String providerAgb,
            Placement placement, WaitingStatus waitingStatus, Stage stage, WithdrawalReason withdrawalReason,
            DiagnosisGroup diagnosisGroup, Urgency urgency, LocalDate registeredOn, LocalDate intakeOn,
            LocalDate treatmentStartedOn, LocalDate withdrawnOn, LocalDate statusConfirmedOn, boolean stale,
            Change lastChange, long version, LocalDate waitCountsFrom) {
        this(referralId, region, clientPseudonym, referrerAgb, providerAgb, placement, waitingStatus, stage,
                withdrawalReason, diagnosisGroup, urgency, registeredOn, intakeOn, treatmentStartedOn, withdrawnOn,
                statusConfirmedOn, stale, lastChange, version, waitCountsFrom, null);
    }

    /** An entry whose wait counts from its registration (every entry but one whose treatment must move). */
    public WaitingEntry(UUID referralId, String region, String clientPseudonym, String referrerAgb, String providerAgb,
            Placement placement, WaitingStatus waitingStatus, Stage stage, WithdrawalReason withdrawalReason,
            DiagnosisGroup diagnosisGroup, Urgency urgency, LocalDate registeredOn, LocalDate intakeOn,
            LocalDate treatmentStartedOn, LocalDate withdrawnOn, LocalDate statusConfirmedOn, boolean stale,
            Change lastChange, long version) {
        this(referralId, region, clientPseudonym, referrerAgb, providerAgb, placement, waitingStatus, stage,
                withdrawalReason, diagnosisGroup, urgency, registeredOn, intakeOn, treatmentStartedOn, withdrawnOn,
                statusConfirmedOn, stale, lastChange, version, null, null);
    }

    /** A new entry (version 1). Registering counts as confirming the status, on {@code confirmedOn}. */
    public static EntryOutcome.Changed register(UUID referralId, String region, String clientPseudonym,
            String referrerAgb, String providerAgb, Placement placement, WaitingStatus status,
            DiagnosisGroup diagnosisGroup, Urgency urgency, LocalDate registeredOn, LocalDate confirmedOn, Clock clock) {
        WaitingEntry entry = new WaitingEntry(referralId, region, clientPseudonym, referrerAgb,
                placement == Placement.PLACED ? providerAgb : null, placement, status, Stage.WAITING, null,
                diagnosisGroup, urgency, registeredOn, null, null, null, confirmedOn, false, Change.REGISTERED, 1);
        return new EntryOutcome.Changed(entry, entry.event(clock));
    }

    /**
     * The day this wait's Treeknorm clocks count from: the registration, or for a client whose treatment must
     * move because its provider closes, the closure's end date (ADR 1431): the new wait starts when the care
     * ends, and the earlier wait and treatment are not counted again.
     */
    public LocalDate clockStart() {
        return waitCountsFrom != null ? waitCountsFrom : registeredOn;
    }

    public LocalDate intakeDeadline() {
        return Treeknorm.intakeDeadline(clockStart());
    }

    public LocalDate treatmentDeadline() {
        return Treeknorm.treatmentDeadline(clockStart(), intakeOn);
    }

    /** Days since the clock's start, up to the start of treatment or the withdrawal, else up to today. */
    public long daysWaited(LocalDate today) {
        LocalDate end = treatmentStartedOn != null ? treatmentStartedOn : withdrawnOn != null ? withdrawnOn : today;
        return Math.max(0, end.toEpochDay() - clockStart().toEpochDay());
    }

    /** The client still waits on this entry (not in treatment, not withdrawn). */
    public boolean isOpen() {
        return EntryLifecycle.stillWaiting(stage);
    }

    public boolean isAt(String provider) {
        return placement == Placement.PLACED && providerAgb != null && providerAgb.equals(provider);
    }

    public EntryOutcome recordIntake(LocalDate on, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (!EntryLifecycle.allows(stage, Command.RECORD_INTAKE)) {
            return illegal("record an intake");
        }
        if (on.isAfter(today)) {
            return refuse(Refusal.invalid("on", "PastOrPresent", "an intake cannot be recorded before it happened"));
        }
        if (on.isBefore(registeredOn)) {
            return refuse(Refusal.invalid("on", "NotBeforeRegistration", "the intake cannot be before the registration date"));
        }
        return change(Change.INTAKE_RECORDED, clock,
                e -> e.with(Stage.INTAKE_DONE, on, e.treatmentStartedOn, e.withdrawalReason, e.withdrawnOn).confirmed(today));
    }

    public EntryOutcome startTreatment(LocalDate on, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (!EntryLifecycle.allows(stage, Command.START_TREATMENT)) {
            return stage == Stage.WAITING
                    ? refuse(Refusal.conflict("intake-before-treatment", "record the intake before the start of treatment"))
                    : illegal("start treatment");
        }
        if (on.isAfter(today)) {
            return refuse(Refusal.invalid("on", "PastOrPresent", "a treatment start cannot be recorded before it happened"));
        }
        if (on.isBefore(intakeOn)) {
            return refuse(Refusal.invalid("on", "NotBeforeIntake", "treatment cannot start before the intake"));
        }
        return change(Change.TREATMENT_STARTED, clock,
                e -> e.with(Stage.IN_TREATMENT, e.intakeOn, on, e.withdrawalReason, e.withdrawnOn).confirmed(today));
    }

    /**
     * The client is in intake or treatment at a provider that closes the programme or location in its scope
     * (issue 15, ADR 1431): it must move, so it waits again, still at the closing provider until a transfer moves
     * it, with a clock that counts from the closure's end date. The intake and treatment dates of the care that
     * ends are cleared (the events before this one keep them); the registration date stays.
     */
    public EntryOutcome treatmentMustMove(LocalDate closureEndDate, Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.MUST_MOVE)) {
            return illegal("move the treatment of");
        }
        if (closureEndDate == null) {
            return refuse(Refusal.invalid("endDate", "NotNull", "the closure's end date is needed for the new wait"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = closureEndDate.isBefore(registeredOn) ? registeredOn : closureEndDate;
        return change(Change.TREATMENT_MUST_MOVE, clock, e -> new WaitingEntry(e.referralId, e.region,
                e.clientPseudonym, e.referrerAgb, e.providerAgb, e.placement, e.waitingStatus, Stage.WAITING,
                e.withdrawalReason, e.diagnosisGroup, e.urgency, e.registeredOn, null, null, e.withdrawnOn, today,
                false, e.lastChange, e.version, from, e.locationId));
    }

    public EntryOutcome withdraw(WithdrawalReason reason, Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.WITHDRAW)) {
            return illegal("withdraw");
        }
        LocalDate today = LocalDate.now(clock);
        return change(Change.WITHDRAWN, clock,
                e -> e.with(Stage.WITHDRAWN, e.intakeOn, e.treatmentStartedOn, reason, today));
    }

    public EntryOutcome setStatus(WaitingStatus status, Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.SET_STATUS)) {
            return illegal("set the waiting status of");
        }
        LocalDate today = LocalDate.now(clock);
        return change(Change.STATUS_SET, clock, e -> e.withStatus(status).confirmed(today));
    }

    /**
     * The provider names the location (capacity-service's location id) where the client waits or is treated
     * (issue 15): a closure of one location then takes in this client only when it is that location. Confirms
     * the status like every provider action.
     */
    public EntryOutcome setLocation(String newLocationId, Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.SET_LOCATION)) {
            return illegal("set the location of");
        }
        if (placement != Placement.PLACED) {
            return refuse(Refusal.conflict("not-placed", "an entry without a provider has no location there"));
        }
        LocalDate today = LocalDate.now(clock);
        return change(Change.LOCATION_SET, clock, e -> new WaitingEntry(e.referralId, e.region, e.clientPseudonym,
                e.referrerAgb, e.providerAgb, e.placement, e.waitingStatus, e.stage, e.withdrawalReason,
                e.diagnosisGroup, e.urgency, e.registeredOn, e.intakeOn, e.treatmentStartedOn, e.withdrawnOn, today,
                false, e.lastChange, e.version, e.waitCountsFrom, newLocationId));
    }

    public EntryOutcome confirmStatus(Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.CONFIRM_STATUS)) {
            return illegal("confirm the status of");
        }
        LocalDate today = LocalDate.now(clock);
        return change(Change.STATUS_CONFIRMED, clock, e -> e.confirmed(today));
    }

    /**
     * After a completed transfer the entry sits at the receiving provider, placed, with its original
     * registration date. The transfer confirms the status.
     */
    public EntryOutcome moveTo(String receivingProviderAgb, LocalDate on, Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.MOVE)) {
            return illegal("move");
        }
        if (isAt(receivingProviderAgb)) {
            return refuse(Refusal.conflict("already-there", "the entry is already at the receiving provider"));
        }
        return change(Change.MOVED, clock, e -> new WaitingEntry(e.referralId, e.region, e.clientPseudonym,
                e.referrerAgb, receivingProviderAgb, Placement.PLACED, e.waitingStatus, e.stage, e.withdrawalReason,
                e.diagnosisGroup, e.urgency, e.registeredOn, e.intakeOn, e.treatmentStartedOn, e.withdrawnOn,
                on, false, e.lastChange, e.version, e.waitCountsFrom, null)); // the old provider's location no longer applies
    }

    public EntryOutcome markStale(StalePolicy policy, Clock clock) {
        if (!policy.isDue(this, LocalDate.now(clock))) {
            return refuse(Refusal.conflict("not-stale", "the status was confirmed recently or is flagged already"));
        }
        return change(Change.STALE, clock, e -> new WaitingEntry(e.referralId, e.region, e.clientPseudonym,
                e.referrerAgb, e.providerAgb, e.placement, e.waitingStatus, e.stage, e.withdrawalReason,
                e.diagnosisGroup, e.urgency, e.registeredOn, e.intakeOn, e.treatmentStartedOn, e.withdrawnOn,
                e.statusConfirmedOn, true, e.lastChange, e.version, e.waitCountsFrom, e.locationId));
    }

    /**
     * A validation round got no answer, not even after the reminder (issue 15 item 1): the entry is
     * flagged like a stale one, for the provider and the transfer table to follow up. Nothing else
     * changes; a round never removes a client on its own. The next confirmation clears the flag.
     */
    public EntryOutcome flagUnanswered(Clock clock) {
        if (!EntryLifecycle.allows(stage, Command.MARK_STALE)) {
            return illegal("flag");
        }
        if (stale) {
            return refuse(Refusal.conflict("flagged-already", "the entry is flagged already"));
        }
        return change(Change.STALE, clock, e -> new WaitingEntry(e.referralId, e.region, e.clientPseudonym,
                e.referrerAgb, e.providerAgb, e.placement, e.waitingStatus, e.stage, e.withdrawalReason,
                e.diagnosisGroup, e.urgency, e.registeredOn, e.intakeOn, e.treatmentStartedOn, e.withdrawnOn,
                e.statusConfirmedOn, true, e.lastChange, e.version, e.waitCountsFrom, e.locationId));
    }

    private EntryOutcome change(Change change, Clock clock, UnaryOperator<WaitingEntry> edit) {
        WaitingEntry edited = edit.apply(this);
        WaitingEntry next = new WaitingEntry(edited.referralId, edited.region, edited.clientPseudonym,
                edited.referrerAgb, edited.providerAgb, edited.placement, edited.waitingStatus, edited.stage,
                edited.withdrawalReason, edited.diagnosisGroup, edited.urgency, edited.registeredOn, edited.intakeOn,
                edited.treatmentStartedOn, edited.withdrawnOn, edited.statusConfirmedOn, edited.stale, change,
                version + 1, edited.waitCountsFrom, edited.locationId);
        return new EntryOutcome.Changed(next, next.event(clock));
    }

    private NewEvent event(Clock clock) {
        WaitingEntryChanged payload = new WaitingEntryChanged(referralId.toString(), clientPseudonym, referrerAgb,
                providerAgb, placement, waitingStatus, stage, lastChange, withdrawalReason, diagnosisGroup, urgency,
                registeredOn, intakeOn, treatmentStartedOn, statusConfirmedOn, version, waitCountsFrom, locationId);
        return new NewEvent(UUID.randomUUID(), clock.instant(), region, referralId.toString(), payload);
    }

    private WaitingEntry with(Stage newStage, LocalDate newIntakeOn, LocalDate newTreatmentOn,
            WithdrawalReason reason, LocalDate newWithdrawnOn) {
        return new WaitingEntry(referralId, region, clientPseudonym, referrerAgb, providerAgb, placement, waitingStatus,
                newStage, reason, diagnosisGroup, urgency, registeredOn, newIntakeOn, newTreatmentOn, newWithdrawnOn,
                statusConfirmedOn, stale, lastChange, version, waitCountsFrom, locationId);
    }

    private WaitingEntry withStatus(WaitingStatus status) {
        return new WaitingEntry(referralId, region, clientPseudonym, referrerAgb, providerAgb, placement, status,
                stage, withdrawalReason, diagnosisGroup, urgency, registeredOn, intakeOn, treatmentStartedOn, withdrawnOn,
                statusConfirmedOn, stale, lastChange, version, waitCountsFrom, locationId);
    }

    /** Any provider action on the entry confirms its status and clears a stale flag. */
    private WaitingEntry confirmed(LocalDate on) {
        return new WaitingEntry(referralId, region, clientPseudonym, referrerAgb, providerAgb, placement, waitingStatus,
                stage, withdrawalReason, diagnosisGroup, urgency, registeredOn, intakeOn, treatmentStartedOn, withdrawnOn,
                on, false, lastChange, version, waitCountsFrom, locationId);
    }

    private EntryOutcome illegal(String what) {
        return refuse(Refusal.conflict("illegal-transition",
                "cannot " + what + " an entry in stage " + stage));
    }

    private static EntryOutcome refuse(Refusal refusal) {
        return new EntryOutcome.Refused(refusal);
    }
}
