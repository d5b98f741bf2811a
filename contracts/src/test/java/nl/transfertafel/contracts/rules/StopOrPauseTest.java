package nl.transfertafel.contracts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.rules.StopOrPause.Status;
import nl.transfertafel.contracts.rules.StopOrPause.Verdict;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The precedence of stop over pause, tested once for all three services (issue 16 item 3). */
class StopOrPauseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** As capacity and intake keep them: with the lifted ones, marked inactive. */
    record Kept(String name, Kind kind, DiagnosisGroup diagnosisGroup, LocalDate from, LocalDate until, boolean active)
            implements StopOrPause.Restriction {
    }

    /** As the transfer table's read model keeps them: active ones only, a first day may be unknown. */
    record ReadModel(Kind kind, DiagnosisGroup diagnosisGroup, LocalDate from, LocalDate until)
            implements StopOrPause.Restriction {
    }

    private static Kept stop(DiagnosisGroup group) {
        return new Kept("stop " + group, Kind.STOP, group, TODAY.minusDays(7), null, true);
    }

    private static Kept pause(DiagnosisGroup group) {
        return new Kept("pause " + group, Kind.PAUSE, group, TODAY.minusDays(7), TODAY.plusDays(30), true);
    }

    private static <R extends StopOrPause.Restriction> Verdict<R> decide(List<R> restrictions, DiagnosisGroup group,
            LocalDate date) {
        return StopOrPause.decide(restrictions, group, date);
    }

    @Nested
    class A_stop_outranks_a_pause {

        @Test
        void a_client_facing_a_stop_and_a_pause_is_told_stop_whatever_order_they_come_in() {
            Kept stop = stop(DiagnosisGroup.ANXIETY);
            Kept pause = pause(DiagnosisGroup.ANXIETY);

            for (List<Kept> given : List.of(List.of(pause, stop), List.of(stop, pause))) {
                Verdict<Kept> verdict = decide(given, DiagnosisGroup.ANXIETY, TODAY);
                assertThat(verdict.status()).as("order %s", given).isEqualTo(Status.STOPPED);
                assertThat(verdict.because()).as("order %s", given).contains(stop);
            }
        }

        @Test
        void a_stop_for_all_groups_outranks_a_pause_for_the_group_itself() {
            Kept stopForAll = stop(null);
            Kept pause = pause(DiagnosisGroup.TRAUMA);

            Verdict<Kept> verdict = decide(List.of(pause, stopForAll), DiagnosisGroup.TRAUMA, TODAY);

            assertThat(verdict.stopped()).isTrue();
            assertThat(verdict.because()).contains(stopForAll);
        }

        @Test
        void a_pause_decides_when_the_stop_is_not_in_force() {
            Kept liftedStop = new Kept("lifted stop", Kind.STOP, DiagnosisGroup.ADHD, TODAY.minusDays(7), null, false);
            Kept pause = pause(DiagnosisGroup.ADHD);

            Verdict<Kept> verdict = decide(List.of(liftedStop, pause), DiagnosisGroup.ADHD, TODAY);

            assertThat(verdict.paused()).isTrue();
            assertThat(verdict.because()).contains(pause);
        }
    }

    @Test
    void without_restrictions_registration_is_open_and_names_none() {
        Verdict<Kept> verdict = decide(List.of(), DiagnosisGroup.ANXIETY, TODAY);

        assertThat(verdict.open()).isTrue();
        assertThat(verdict.because()).isEmpty();
    }

    @Test
    void a_pause_concerns_its_own_group_only_and_one_without_group_concerns_every_group() {
        Kept pause = pause(DiagnosisGroup.DEPRESSION);
        Kept stopForAll = stop(null);

        assertThat(decide(List.of(pause), DiagnosisGroup.DEPRESSION, TODAY).status()).isEqualTo(Status.PAUSED);
        assertThat(decide(List.of(pause), DiagnosisGroup.ANXIETY, TODAY).status()).isEqualTo(Status.OPEN);
        assertThat(decide(List.of(stopForAll), DiagnosisGroup.EATING, TODAY).status()).isEqualTo(Status.STOPPED);
    }

    @Test
    void a_restriction_counts_from_its_first_to_its_last_day_and_not_before_or_after() {
        Kept pause = new Kept("next week", Kind.PAUSE, DiagnosisGroup.ADHD, TODAY.plusDays(2), TODAY.plusDays(9), true);

        assertThat(decide(List.of(pause), DiagnosisGroup.ADHD, TODAY.plusDays(1)).status()).as("not yet begun")
                .isEqualTo(Status.OPEN);
        assertThat(decide(List.of(pause), DiagnosisGroup.ADHD, TODAY.plusDays(2)).status()).as("first day")
                .isEqualTo(Status.PAUSED);
        assertThat(decide(List.of(pause), DiagnosisGroup.ADHD, TODAY.plusDays(9)).status()).as("last day")
                .isEqualTo(Status.PAUSED);
        assertThat(decide(List.of(pause), DiagnosisGroup.ADHD, TODAY.plusDays(10)).status()).as("ended")
                .isEqualTo(Status.OPEN);
    }

    @Test
    void ended_not_yet_begun_and_lifted_restrictions_leave_registration_open() {
        List<Kept> none = List.of(
                new Kept("ended stop", Kind.STOP, null, TODAY.minusDays(30), TODAY.minusDays(1), true),
                new Kept("future stop", Kind.STOP, null, TODAY.plusDays(1), null, true),
                new Kept("lifted stop", Kind.STOP, null, TODAY.minusDays(30), null, false),
                new Kept("ended pause", Kind.PAUSE, null, TODAY.minusDays(30), TODAY.minusDays(1), true));

        assertThat(decide(none, DiagnosisGroup.ANXIETY, TODAY).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void the_restriction_for_the_group_itself_is_named_before_one_for_all_groups() {
        Kept forAll = pause(null);
        Kept own = pause(DiagnosisGroup.TRAUMA);

        assertThat(decide(List.of(forAll, own), DiagnosisGroup.TRAUMA, TODAY).because()).contains(own);
    }

    @Test
    void a_read_model_of_active_restrictions_without_a_known_first_day_is_read_the_same_way() {
        ReadModel stop = new ReadModel(Kind.STOP, null, null, null);
        ReadModel pause = new ReadModel(Kind.PAUSE, DiagnosisGroup.DEPRESSION, null, TODAY.minusDays(1));

        Verdict<ReadModel> verdict = decide(List.of(pause, stop), DiagnosisGroup.DEPRESSION, TODAY);

        assertThat(verdict.status()).isEqualTo(Status.STOPPED);
        assertThat(verdict.because()).contains(stop);
        assertThat(decide(List.of(pause), DiagnosisGroup.DEPRESSION, TODAY).status()).as("the pause is over")
                .isEqualTo(Status.OPEN);
    }

    @Test
    void a_verdict_names_its_restriction_exactly_when_it_is_not_open() {
        assertThatThrownBy(() -> new Verdict<Kept>(Status.STOPPED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Verdict<>(Status.OPEN, Optional.of(stop(null))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
