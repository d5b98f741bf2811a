package nl.transfertafel.intake.validation.domain;

import static nl.transfertafel.intake.testsupport.Entries.anEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.waitinglist.domain.EntryOutcome;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import org.junit.jupiter.api.Test;

class AnswerMappingTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);
    private final LocalDate today = LocalDate.now(clock);

    @Test
    void still_waiting_confirms_the_status_and_clears_a_flag() {
        WaitingEntry entry = changed(Answer.STILL_WAITING, anEntry().stale().confirmedOn(today.minusDays(40)).build());
        assertThat(entry.lastChange()).isEqualTo(Change.STATUS_CONFIRMED);
        assertThat(entry.stale()).isFalse();
        assertThat(entry.statusConfirmedOn()).isEqualTo(today);
    }

    @Test
    void waiting_as_a_precaution_sets_that_status() {
        WaitingEntry entry = changed(Answer.WAITING_AS_PRECAUTION, anEntry().build());
        assertThat(entry.waitingStatus()).isEqualTo(WaitingStatus.WAITING_AS_PRECAUTION);
        assertThat(entry.lastChange()).isEqualTo(Change.STATUS_SET);
    }

    @Test
    void no_longer_needed_withdraws_the_entry_with_that_reason() {
        EntryOutcome outcome = AnswerMapping.apply(Answer.NO_LONGER_NEEDED, anEntry().build(), clock);
        EntryOutcome.Changed changed = (EntryOutcome.Changed) outcome;
        assertThat(changed.entry().stage()).isEqualTo(Stage.WITHDRAWN);
        assertThat(changed.entry().withdrawalReason()).isEqualTo(WithdrawalReason.NO_LONGER_NEEDED);
        assertThat(((WaitingEntryChanged) changed.event().payload()).change()).isEqualTo(Change.WITHDRAWN);
    }

    @Test
    void no_more_screening_withdraws_consent_and_keeps_the_client_waiting() {
        WaitingEntry entry = changed(Answer.NO_TRANSFER_SCREENING, anEntry().build());
        assertThat(entry.stage()).isEqualTo(Stage.WAITING);
        assertThat(AnswerMapping.withdrawsScreeningConsent(Answer.NO_TRANSFER_SCREENING)).isTrue();
        assertThat(AnswerMapping.withdrawsScreeningConsent(Answer.STILL_WAITING)).isFalse();
    }

    @Test
    void an_entry_that_left_the_list_refuses_every_answer() {
        WaitingEntry gone = anEntry().stage(Stage.IN_TREATMENT).build();
        for (Answer answer : Answer.values()) {
            assertThat(AnswerMapping.apply(answer, gone, clock)).isInstanceOf(EntryOutcome.Refused.class);
        }
    }

    @Test
    void no_answer_flags_the_entry_once_and_never_removes_it() {
        EntryOutcome first = anEntry().build().flagUnanswered(clock);
        WaitingEntry flagged = ((EntryOutcome.Changed) first).entry();
        assertThat(flagged.stale()).isTrue();
        assertThat(flagged.stage()).isEqualTo(Stage.WAITING);
        assertThat(flagged.lastChange()).isEqualTo(Change.STALE);
        assertThat(flagged.flagUnanswered(clock)).isInstanceOf(EntryOutcome.Refused.class);
    }

    private WaitingEntry changed(Answer answer, WaitingEntry entry) {
        EntryOutcome outcome = AnswerMapping.apply(answer, entry, clock);
        assertThat(outcome).isInstanceOf(EntryOutcome.Changed.class);
        return ((EntryOutcome.Changed) outcome).entry();
    }
}
