package nl.transfertafel.intake.waitinglist.domain;

import static nl.transfertafel.intake.testsupport.Entries.anEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import org.junit.jupiter.api.Test;

class WaitingEntryLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void recording_the_intake_moves_the_entry_on_and_emits_the_next_version() {
        WaitingEntry entry = anEntry().registeredOn(TODAY.minusDays(20)).confirmedOn(TODAY.minusDays(20)).version(3).build();

        EntryOutcome.Changed changed = changed(entry.recordIntake(TODAY.minusDays(1), clock));

        assertThat(changed.entry().stage()).isEqualTo(Stage.INTAKE_DONE);
        assertThat(changed.entry().intakeOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(changed.entry().version()).isEqualTo(4);
        assertThat(changed.entry().statusConfirmedOn()).as("a provider action confirms the status").isEqualTo(TODAY);
        WaitingEntryChanged event = (WaitingEntryChanged) changed.event().payload();
        assertThat(event.change()).isEqualTo(Change.INTAKE_RECORDED);
        assertThat(event.version()).isEqualTo(4);
        assertThat(event.intakeOn()).isEqualTo(TODAY.minusDays(1));
        assertThat(changed.event().aggregateId()).isEqualTo(entry.referralId().toString());
        assertThat(changed.event().occurredAt()).isEqualTo(clock.instant());
    }

    @Test
    void the_treatment_deadline_follows_the_intake_once_it_is_done() {
        WaitingEntry entry = anEntry().registeredOn(TODAY.minusDays(40)).build();
        assertThat(entry.treatmentDeadline()).isEqualTo(TODAY.minusDays(40).plusWeeks(14));

        WaitingEntry afterIntake = changed(entry.recordIntake(TODAY.minusDays(2), clock)).entry();

        assertThat(afterIntake.treatmentDeadline()).isEqualTo(TODAY.minusDays(2).plusWeeks(10));
        assertThat(afterIntake.intakeDeadline()).isEqualTo(TODAY.minusDays(40).plusWeeks(4));
    }

    @Test
    void treatment_starts_only_after_the_intake() {
        WaitingEntry waiting = anEntry().registeredOn(TODAY.minusDays(20)).build();

        assertThat(refusal(waiting.startTreatment(TODAY, clock)).rule()).isEqualTo("intake-before-treatment");

        WaitingEntry intakeDone = anEntry().registeredOn(TODAY.minusDays(20)).intakeOn(TODAY.minusDays(10)).build();
        assertThat(refusal(intakeDone.startTreatment(TODAY.minusDays(11), clock)).field()).isEqualTo("on");
        WaitingEntry treated = changed(intakeDone.startTreatment(TODAY, clock)).entry();
        assertThat(treated.stage()).isEqualTo(Stage.IN_TREATMENT);
        assertThat(treated.daysWaited(TODAY.plusDays(30))).as("the wait ends when treatment starts").isEqualTo(20);
    }

    @Test
    void dates_in_the_future_or_before_registration_are_invalid_input() {
        WaitingEntry entry = anEntry().registeredOn(TODAY.minusDays(20)).build();

        assertThat(refusal(entry.recordIntake(TODAY.plusDays(1), clock)))
                .extracting(Refusal::field, Refusal::rule).containsExactly("on", "PastOrPresent");
        assertThat(refusal(entry.recordIntake(TODAY.minusDays(21), clock)))
                .extracting(Refusal::field, Refusal::rule).containsExactly("on", "NotBeforeRegistration");
    }

    @Test
    void a_withdrawn_or_treated_entry_accepts_no_further_changes() {
        WaitingEntry withdrawn = changed(anEntry().build().withdraw(WithdrawalReason.NO_SHOW, clock)).entry();
        assertThat(withdrawn.stage()).isEqualTo(Stage.WITHDRAWN);
        assertThat(withdrawn.withdrawalReason()).isEqualTo(WithdrawalReason.NO_SHOW);
        assertThat(withdrawn.withdrawnOn()).isEqualTo(TODAY);

        for (EntryOutcome outcome : new EntryOutcome[] {
                withdrawn.withdraw(WithdrawalReason.OTHER, clock),
                withdrawn.recordIntake(TODAY, clock),
                withdrawn.setStatus(WaitingStatus.URGENT_PLACEMENT, clock),
                withdrawn.confirmStatus(clock),
                withdrawn.moveTo("22000002", TODAY, clock)}) {
            assertThat(refusal(outcome).rule()).isEqualTo("illegal-transition");
            assertThat(refusal(outcome).isInvalidInput()).isFalse();
        }
        WaitingEntry treated = anEntry().stage(Stage.IN_TREATMENT).build();
        assertThat(refusal(treated.withdraw(WithdrawalReason.OTHER, clock)).rule()).isEqualTo("illegal-transition");
    }

    @Test
    void the_lifecycle_table_allows_exactly_the_documented_transitions() {
        assertThat(EntryLifecycle.allows(Stage.WAITING, EntryLifecycle.Command.RECORD_INTAKE)).isTrue();
        assertThat(EntryLifecycle.allows(Stage.INTAKE_DONE, EntryLifecycle.Command.RECORD_INTAKE)).isFalse();
        assertThat(EntryLifecycle.allows(Stage.INTAKE_DONE, EntryLifecycle.Command.START_TREATMENT)).isTrue();
        assertThat(EntryLifecycle.allows(Stage.INTAKE_DONE, EntryLifecycle.Command.WITHDRAW)).isTrue();
        assertThat(EntryLifecycle.allows(Stage.IN_TREATMENT, EntryLifecycle.Command.MOVE)).isFalse();
        for (EntryLifecycle.Command command : EntryLifecycle.Command.values()) {
            assertThat(EntryLifecycle.allows(Stage.WITHDRAWN, command)).as(command.name()).isFalse();
            // in treatment is final, except when the provider closes the client's programme (ADR 1431); its
            // location may be named while the client is with the provider
            assertThat(EntryLifecycle.allows(Stage.IN_TREATMENT, command)).as(command.name())
                    .isEqualTo(command == EntryLifecycle.Command.MUST_MOVE
                            || command == EntryLifecycle.Command.SET_LOCATION);
        }
        assertThat(EntryLifecycle.allows(Stage.WAITING, EntryLifecycle.Command.MUST_MOVE)).isFalse();
    }

    @Test
    void setting_or_confirming_the_status_clears_a_stale_flag() {
        WaitingEntry stale = anEntry().confirmedOn(TODAY.minusDays(60)).stale().build();

        WaitingEntry set = changed(stale.setStatus(WaitingStatus.WAITING_AS_PRECAUTION, clock)).entry();
        assertThat(set.waitingStatus()).isEqualTo(WaitingStatus.WAITING_AS_PRECAUTION);
        assertThat(set.stale()).isFalse();
        assertThat(set.statusConfirmedOn()).isEqualTo(TODAY);
        assertThat(set.lastChange()).isEqualTo(Change.STATUS_SET);

        WaitingEntry confirmed = changed(stale.confirmStatus(clock)).entry();
        assertThat(confirmed.stale()).isFalse();
        assertThat(confirmed.waitingStatus()).isEqualTo(stale.waitingStatus());
        assertThat(confirmed.lastChange()).isEqualTo(Change.STATUS_CONFIRMED);
    }

    @Test
    void an_entry_goes_stale_once_until_someone_confirms_it() {
        StalePolicy policy = new StalePolicy(30);
        WaitingEntry fresh = anEntry().confirmedOn(TODAY.minusDays(29)).build();
        assertThat(refusal(fresh.markStale(policy, clock)).rule()).isEqualTo("not-stale");

        WaitingEntry due = anEntry().confirmedOn(TODAY.minusDays(30)).build();
        EntryOutcome.Changed flagged = changed(due.markStale(policy, clock));
        assertThat(flagged.entry().stale()).isTrue();
        assertThat(((WaitingEntryChanged) flagged.event().payload()).change()).isEqualTo(Change.STALE);
        assertThat(refusal(flagged.entry().markStale(policy, clock)).rule()).as("once").isEqualTo("not-stale");

        WaitingEntry reconfirmed = changed(flagged.entry().confirmStatus(clock)).entry();
        assertThat(policy.isDue(reconfirmed, TODAY.plusDays(29))).isFalse();
        assertThat(policy.isDue(reconfirmed, TODAY.plusDays(30))).as("stale again after another period").isTrue();
    }

    @Test
    void unplaced_entries_and_clients_no_longer_waiting_do_not_go_stale() {
        StalePolicy policy = new StalePolicy(30);
        assertThat(policy.isDue(anEntry().unplaced(Placement.UNPLACED_NO_PROVIDER).confirmedOn(TODAY.minusDays(90))
                .build(), TODAY)).isFalse();
        assertThat(policy.isDue(anEntry().stage(Stage.IN_TREATMENT).confirmedOn(TODAY.minusDays(90)).build(), TODAY))
                .isFalse();
    }

    @Test
    void a_completed_transfer_moves_the_entry_and_keeps_the_registration_date() {
        LocalDate registered = TODAY.minusDays(50);
        WaitingEntry unplaced = anEntry().unplaced(Placement.UNPLACED_REGISTRATION_STOP).registeredOn(registered).build();

        EntryOutcome.Changed moved = changed(unplaced.moveTo("22000002", TODAY, clock));

        assertThat(moved.entry().providerAgb()).isEqualTo("22000002");
        assertThat(moved.entry().placement()).isEqualTo(Placement.PLACED);
        assertThat(moved.entry().registeredOn()).isEqualTo(registered);
        assertThat(moved.entry().intakeDeadline()).isEqualTo(registered.plusWeeks(4));
        assertThat(moved.entry().lastChange()).isEqualTo(Change.MOVED);
        assertThat(refusal(moved.entry().moveTo("22000002", TODAY, clock)).rule()).isEqualTo("already-there");
    }

    @Test
    void the_initial_status_puts_urgency_before_preference() {
        assertThat(InitialWaitingStatus.of(nl.transfertafel.contracts.vocabulary.Urgency.URGENT, true))
                .isEqualTo(WaitingStatus.URGENT_PLACEMENT);
        assertThat(InitialWaitingStatus.of(nl.transfertafel.contracts.vocabulary.Urgency.REGULAR, true))
                .isEqualTo(WaitingStatus.WAITING_FOR_PREFERENCE);
        assertThat(InitialWaitingStatus.of(nl.transfertafel.contracts.vocabulary.Urgency.REGULAR, false))
                .isEqualTo(WaitingStatus.ACTIVE_PLACEMENT);
    }

    @Test
    void the_treeknorm_deadlines_are_four_and_fourteen_weeks_or_ten_after_intake() {
        LocalDate registered = LocalDate.of(2026, 1, 5);
        assertThat(Treeknorm.intakeDeadline(registered)).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(Treeknorm.treatmentDeadline(registered, null)).isEqualTo(LocalDate.of(2026, 4, 13));
        assertThat(Treeknorm.treatmentDeadline(registered, LocalDate.of(2026, 2, 9))).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void a_treatment_that_must_move_because_the_provider_closes_waits_again_with_a_clock_from_the_end_date() {
        LocalDate endDate = TODAY.plusDays(60);
        WaitingEntry treated = changed(anEntry().at("22000001").registeredOn(TODAY.minusDays(300))
                .intakeOn(TODAY.minusDays(280)).build().startTreatment(TODAY.minusDays(250), clock)).entry();

        EntryOutcome.Changed moved = changed(treated.treatmentMustMove(endDate, clock));

        WaitingEntry entry = moved.entry();
        assertThat(entry.stage()).isEqualTo(Stage.WAITING);
        assertThat(entry.providerAgb()).as("still at the closing provider until a transfer moves it")
                .isEqualTo("22000001");
        assertThat(entry.registeredOn()).as("the registration date never changes").isEqualTo(TODAY.minusDays(300));
        assertThat(entry.waitCountsFrom()).isEqualTo(endDate);
        assertThat(entry.intakeDeadline()).isEqualTo(endDate.plusWeeks(4));
        assertThat(entry.treatmentDeadline()).isEqualTo(endDate.plusWeeks(14));
        assertThat(entry.daysWaited(TODAY)).as("the new wait has not started before the end date").isZero();
        WaitingEntryChanged event = (WaitingEntryChanged) moved.event().payload();
        assertThat(event.change()).isEqualTo(Change.TREATMENT_MUST_MOVE);
        assertThat(event.stage()).isEqualTo(Stage.WAITING);
        assertThat(event.waitCountsFrom()).isEqualTo(endDate);
        assertThat(event.treatmentStartedOn()).isNull();
        // waiting again: the usual commands apply, and the clock start survives them
        assertThat(changed(entry.confirmStatus(clock)).entry().waitCountsFrom()).isEqualTo(endDate);
    }

    @Test
    void only_a_client_in_intake_or_treatment_can_have_its_treatment_moved() {
        WaitingEntry waiting = anEntry().registeredOn(TODAY.minusDays(20)).build();
        assertThat(refusal(waiting.treatmentMustMove(TODAY.plusDays(30), clock)).rule()).isEqualTo("illegal-transition");

        WaitingEntry intakeDone = anEntry().registeredOn(TODAY.minusDays(20)).intakeOn(TODAY.minusDays(10)).build();
        assertThat(changed(intakeDone.treatmentMustMove(TODAY.plusDays(30), clock)).entry().stage())
                .isEqualTo(Stage.WAITING);
        assertThat(refusal(intakeDone.treatmentMustMove(null, clock)).field()).isEqualTo("endDate");
    }

    @Test
    void the_provider_names_the_location_of_a_placed_client_and_a_transfer_clears_it() {
        WaitingEntry entry = anEntry().at("22000001").registeredOn(TODAY.minusDays(20)).build();

        EntryOutcome.Changed located = changed(entry.setLocation("loc-1", clock));

        assertThat(located.entry().locationId()).isEqualTo("loc-1");
        assertThat(((WaitingEntryChanged) located.event().payload()).locationId()).isEqualTo("loc-1");
        assertThat(((WaitingEntryChanged) located.event().payload()).change()).isEqualTo(Change.LOCATION_SET);
        assertThat(changed(located.entry().confirmStatus(clock)).entry().locationId()).isEqualTo("loc-1");
        assertThat(changed(located.entry().moveTo("22000002", TODAY, clock)).entry().locationId())
                .as("the old provider's location does not follow the client").isNull();
        assertThat(refusal(anEntry().unplaced(Placement.UNPLACED_NO_PROVIDER).build().setLocation("loc-1", clock)).rule())
                .isEqualTo("not-placed");
    }

    private static EntryOutcome.Changed changed(EntryOutcome outcome) {
        assertThat(outcome).isInstanceOf(EntryOutcome.Changed.class);
        return (EntryOutcome.Changed) outcome;
    }

    private static Refusal refusal(EntryOutcome outcome) {
        assertThat(outcome).isInstanceOf(EntryOutcome.Refused.class);
        return ((EntryOutcome.Refused) outcome).refusal();
    }
}
