package nl.transfertafel.contracts.events.intake;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;

/**
 * The state of a client's waiting-list entry after a change: a snapshot, so a read model can simply
 * upsert it (newer {@code version} wins). {@code change} says what happened. The registration date
 * survives a transfer ({@code MOVED}): the Treeknorm clock does not restart.
 *
 * <p>{@code TREATMENT_MUST_MOVE} (issue 15, ADR 1431): the client was in intake or treatment at a provider that
 * closes the programme or location in the client's scope; the entry waits again (stage WAITING, still at the
 * closing provider until a transfer moves it) and {@code waitCountsFrom} is the closure's end date: the Treeknorm
 * clocks of this new wait count from then, not from the original registration ({@code registeredOn} is kept).
 * Optional, absent on every other entry and in events written before it existed.
 *
 * <p>{@code locationId} (issue 15, optional): the provider's location (capacity-service's location id) where the
 * client waits or is treated, when the provider named it (change {@code LOCATION_SET}); a location closure takes in
 * the clients of that location and those whose location is unknown. Absent in events written before it existed.
 */
@EventType(name = "WaitingEntryChanged", topic = Topics.INTAKE_WAITING_EVENTS)
public record WaitingEntryChanged(
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb,
        Placement placement,
        WaitingStatus waitingStatus,
        Stage stage,
        Change change,
        WithdrawalReason withdrawalReason,
        DiagnosisGroup diagnosisGroup,
        Urgency urgency,
        LocalDate registeredOn,
        LocalDate intakeOn,
        LocalDate treatmentStartedOn,
        LocalDate statusConfirmedOn,
        long version,
        LocalDate waitCountsFrom,
        String locationId) implements EventPayload {

    /** An entry whose wait counts from its registration (every change but TREATMENT_MUST_MOVE). */
    public WaitingEntryChanged(String referralId, String clientPseudonym, String referrerAgb, String providerAgb,
            Placement placement, WaitingStatus waitingStatus, Stage stage, Change change,
            WithdrawalReason withdrawalReason, DiagnosisGroup diagnosisGroup, Urgency urgency, LocalDate registeredOn,
            LocalDate intakeOn, LocalDate treatmentStartedOn, LocalDate statusConfirmedOn, long version) {
        this(referralId, clientPseudonym, referrerAgb, providerAgb, placement, waitingStatus, stage, change,
                withdrawalReason, diagnosisGroup, urgency, registeredOn, intakeOn, treatmentStartedOn,
                statusConfirmedOn, version, null, null);
    }

    /** Whether the entry sits at a provider, or is unplaced (and so goes to the transfer table). */
    public enum Placement { PLACED, UNPLACED_REGISTRATION_STOP, UNPLACED_REGISTRATION_PAUSE, UNPLACED_NO_PROVIDER }

    public enum Stage { WAITING, INTAKE_DONE, IN_TREATMENT, WITHDRAWN }

    public enum Change { REGISTERED, STATUS_SET, STATUS_CONFIRMED, INTAKE_RECORDED, TREATMENT_STARTED, WITHDRAWN, MOVED, STALE,
        TREATMENT_MUST_MOVE, LOCATION_SET }
}
