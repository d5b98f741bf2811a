package nl.transfertafel.capacity.restriction.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.CLOCK;
import static nl.transfertafel.capacity.fixtures.Fixtures.NOW;
import static nl.transfertafel.capacity.fixtures.Fixtures.OTHER_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_REPRESENTATIVE;
import static nl.transfertafel.capacity.fixtures.Fixtures.TODAY;
import static nl.transfertafel.capacity.fixtures.Fixtures.aProvider;
import static nl.transfertafel.capacity.fixtures.Fixtures.aRepresentedPractice;
import static nl.transfertafel.capacity.fixtures.Fixtures.assertValid;
import static nl.transfertafel.capacity.fixtures.Fixtures.at;
import static nl.transfertafel.capacity.fixtures.Fixtures.done;
import static nl.transfertafel.capacity.fixtures.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.junit.jupiter.api.Test;

class RegistrationRestrictionTest {

    private static SetRestriction pause(DiagnosisGroup group, int days) {
        return new SetRestriction(Kind.PAUSE, group, "waiting time above the norm", TODAY, TODAY.plusDays(days));
    }

    @Test
    void a_pause_is_set_for_a_group_and_a_period_with_its_event() {
        var done = done(RegistrationRestriction.set(pause(DiagnosisGroup.DEPRESSION, 30), aProvider(), THE_PROVIDER,
                List.of(), CLOCK));

        assertThat(done.state().active()).isTrue();
        assertThat(done.state().inForceOn(TODAY)).isTrue();
        RegistrationRestrictionChanged event = (RegistrationRestrictionChanged) done.events().get(0).payload();
        assertThat(event.kind()).isEqualTo(Kind.PAUSE);
        assertThat(event.diagnosisGroup()).isEqualTo(DiagnosisGroup.DEPRESSION);
        assertThat(event.until()).isEqualTo(TODAY.plusDays(30));
        assertValid(done.events());
    }

    @Test
    void a_pause_without_a_last_day_is_refused_but_a_stop_may_be_open_ended() {
        Refusal refusal = refusal(RegistrationRestriction.set(new SetRestriction(Kind.PAUSE, null, "full", TODAY, null),
                aProvider(), THE_PROVIDER, List.of(), CLOCK));
        var stop = done(RegistrationRestriction.set(new SetRestriction(Kind.STOP, null, "full", null, null),
                aProvider(), THE_PROVIDER, List.of(), CLOCK));

        assertThat(refusal.field()).isEqualTo("until");
        assertThat(refusal.rule()).isEqualTo("pause-needs-period");
        assertThat(stop.state().from()).isEqualTo(TODAY);
        assertThat(stop.state().until()).isNull();
    }

    @Test
    void a_stop_or_pause_starting_long_ago_or_ending_years_ahead_is_refused_with_the_bound_named() {
        Refusal backdated = refusal(RegistrationRestriction.set(new SetRestriction(Kind.STOP, null, "full",
                TODAY.minusDays(32), null), aProvider(), THE_PROVIDER, List.of(), CLOCK));
        Refusal farEnd = refusal(RegistrationRestriction.set(new SetRestriction(Kind.PAUSE, null, "full", null,
                TODAY.plusYears(2).plusDays(1)), aProvider(), THE_PROVIDER, List.of(), CLOCK));

        assertThat(backdated.field()).isEqualTo("from");
        assertThat(backdated.rule()).isEqualTo("not-long-past");
        assertThat(farEnd.field()).isEqualTo("until");
        assertThat(farEnd.rule()).isEqualTo("not-too-far-ahead");
        assertThat(farEnd.detail()).contains("2 years");
    }

    @Test
    void a_second_pause_for_the_same_group_and_period_is_refused_but_a_stop_may_overlap() {
        var first = done(RegistrationRestriction.set(pause(DiagnosisGroup.ANXIETY, 30), aProvider(), THE_PROVIDER,
                List.of(), CLOCK)).state();

        Refusal overlap = refusal(RegistrationRestriction.set(pause(DiagnosisGroup.ANXIETY, 5), aProvider(),
                THE_PROVIDER, List.of(first), CLOCK));
        var otherGroup = RegistrationRestriction.set(pause(DiagnosisGroup.TRAUMA, 5), aProvider(), THE_PROVIDER,
                List.of(first), CLOCK);
        var stop = RegistrationRestriction.set(new SetRestriction(Kind.STOP, DiagnosisGroup.ANXIETY, "full", null, null),
                aProvider(), THE_PROVIDER, List.of(first), CLOCK);

        assertThat(overlap.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(overlap.rule()).isEqualTo("restriction-overlaps");
        assertThat(done(otherGroup).changed()).isTrue();
        assertThat(done(stop).changed()).isTrue();
    }

    @Test
    void only_the_provider_its_representative_or_an_admin_sets_or_lifts_it() {
        assertThat(refusal(RegistrationRestriction.set(pause(null, 3), aProvider(), OTHER_PROVIDER, List.of(), CLOCK))
                .rule()).isEqualTo("not-your-organisation");
        var byRepresentative = done(RegistrationRestriction.set(pause(null, 3), aRepresentedPractice(),
                THE_REPRESENTATIVE, List.of(), CLOCK)).state();
        assertThat(refusal(byRepresentative.lift(aRepresentedPractice(), OTHER_PROVIDER, CLOCK)).kind())
                .isEqualTo(Refusal.Kind.FORBIDDEN);
    }

    @Test
    void lifting_twice_lifts_once() {
        var set = done(RegistrationRestriction.set(pause(null, 3), aProvider(), THE_PROVIDER, List.of(), CLOCK)).state();
        var lifted = done(set.lift(aProvider(), THE_PROVIDER, CLOCK));
        var again = done(lifted.state().lift(aProvider(), THE_PROVIDER, CLOCK));

        assertThat(lifted.state().active()).isFalse();
        assertThat(((RegistrationRestrictionChanged) lifted.events().get(0).payload()).active()).isFalse();
        assertThat(again.changed()).isFalse();
    }

    @Test
    void a_restriction_ends_by_itself_after_its_last_day() {
        var set = done(RegistrationRestriction.set(pause(null, 3), aProvider(), THE_PROVIDER, List.of(), CLOCK)).state();

        assertThat(done(set.endIfOver(at(NOW.plus(Duration.ofDays(3))))).changed()).isFalse();
        assertThat(done(set.endIfOver(at(NOW.plus(Duration.ofDays(4))))).state().active()).isFalse();
    }
}
