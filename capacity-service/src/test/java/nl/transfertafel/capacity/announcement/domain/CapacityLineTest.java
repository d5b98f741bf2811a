package nl.transfertafel.capacity.announcement.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.ADMIN;
import static nl.transfertafel.capacity.fixtures.Fixtures.AGB;
import static nl.transfertafel.capacity.fixtures.Fixtures.CLOCK;
import static nl.transfertafel.capacity.fixtures.Fixtures.LOCATION;
import static nl.transfertafel.capacity.fixtures.Fixtures.NOW;
import static nl.transfertafel.capacity.fixtures.Fixtures.OFFERING;
import static nl.transfertafel.capacity.fixtures.Fixtures.OTHER_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.PRACTICE;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_REPRESENTATIVE;
import static nl.transfertafel.capacity.fixtures.Fixtures.TODAY;
import static nl.transfertafel.capacity.fixtures.Fixtures.aLine;
import static nl.transfertafel.capacity.fixtures.Fixtures.aProvider;
import static nl.transfertafel.capacity.fixtures.Fixtures.aRepresentedPractice;
import static nl.transfertafel.capacity.fixtures.Fixtures.assertValid;
import static nl.transfertafel.capacity.fixtures.Fixtures.at;
import static nl.transfertafel.capacity.fixtures.Fixtures.done;
import static nl.transfertafel.capacity.fixtures.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.Change;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.junit.jupiter.api.Test;

class CapacityLineTest {

    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    private static AnnounceCapacity registered(String agb, List<DiagnosisGroup> groups, LocalDate from, LocalDate until) {
        return new AnnounceCapacity(agb, LOCATION, OFFERING, null, null, groups, null, 3, from, until);
    }

    private static AnnounceCapacity minimal(String agb) {
        return new AnnounceCapacity(agb, null, null, ProviderType.BASIC_GGZ, "3011 ab", List.of(DiagnosisGroup.ANXIETY),
                CareLevel.BASIC, 2, TODAY, null);
    }

    @Test
    void a_registered_announcement_carries_the_offerings_terms_for_the_matcher() {
        var done = done(CapacityLine.announce(registered(null, null, TODAY, TODAY.plusDays(30)), THE_PROVIDER,
                "utrecht", aProvider(), CLOCK));

        CapacityLine line = done.state();
        assertThat(line.region()).as("the location's region, not the token's").isEqualTo("rotterdam");
        assertThat(line.state()).isEqualTo(State.OPEN);
        assertThat(line.placesLeft()).isEqualTo(3);
        CapacityAnnounced event = (CapacityAnnounced) done.events().get(0).payload();
        assertThat(event.offeringId()).isEqualTo(OFFERING.toString());
        assertThat(event.locationId()).isEqualTo(LOCATION.toString());
        assertThat(event.locationPostcodeArea()).isEqualTo("3012");
        assertThat(event.minAge()).isEqualTo(18);
        assertThat(event.maxAge()).isEqualTo(65);
        assertThat(event.exclusions()).containsExactly(ExclusionCriterion.CRISIS_PRONE.name());
        assertThat(event.diagnosisGroups()).containsExactly(DiagnosisGroup.DEPRESSION, DiagnosisGroup.ANXIETY);
        assertValid(done.events());
    }

    @Test
    void diagnosis_groups_may_narrow_the_offering_but_not_widen_it() {
        var narrowed = done(CapacityLine.announce(registered(null, List.of(DiagnosisGroup.ANXIETY), TODAY, null),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));
        Refusal widened = refusal(CapacityLine.announce(registered(null, List.of(DiagnosisGroup.EATING), TODAY, null),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));

        assertThat(narrowed.state().diagnosisGroups()).containsExactly(DiagnosisGroup.ANXIETY);
        assertThat(widened.field()).isEqualTo("diagnosisGroups");
        assertThat(widened.rule()).isEqualTo("within-offering");
    }

    @Test
    void the_minimal_form_serves_a_provider_announcing_for_itself_in_its_tokens_region() {
        var done = done(CapacityLine.announce(minimal(null), new nl.transfertafel.capacity.common.domain.Acting(
                "12345678", false), "utrecht", null, CLOCK));

        assertThat(done.state().region()).isEqualTo("utrecht");
        assertThat(done.state().postcodeArea()).isEqualTo("3011");
        assertThat(done.state().offeringId()).isNull();
        assertValid(done.events());
    }

    @Test
    void announcing_for_another_organisation_is_forbidden() {
        Refusal refusal = refusal(CapacityLine.announce(registered(AGB, null, TODAY, null), OTHER_PROVIDER, "rotterdam",
                aProvider(), CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal.rule()).isEqualTo("not-your-organisation");
    }

    @Test
    void a_representative_announces_for_the_practice_it_represents() {
        var done = done(CapacityLine.announce(registered(PRACTICE, null, TODAY, null), THE_REPRESENTATIVE,
                "rotterdam", aRepresentedPractice(), CLOCK));

        assertThat(done.state().providerAgb()).isEqualTo(PRACTICE);
        assertThat(done.state().providerType()).isEqualTo(ProviderType.INDEPENDENT_PRACTICE);
    }

    @Test
    void the_minimal_form_is_not_for_announcing_on_behalf_of_another_organisation() {
        Refusal refusal = refusal(CapacityLine.announce(minimal(PRACTICE), THE_REPRESENTATIVE, "rotterdam",
                aRepresentedPractice(), CLOCK));

        assertThat(refusal.field()).isEqualTo("locationId");
    }

    @Test
    void the_registered_form_needs_a_registered_provider_and_its_own_location() {
        Refusal unknownProvider = refusal(CapacityLine.announce(registered(null, null, TODAY, null), THE_PROVIDER,
                "rotterdam", null, CLOCK));
        Refusal foreignLocation = refusal(CapacityLine.announce(new AnnounceCapacity(null, UUID.randomUUID(), OFFERING,
                null, null, null, null, 1, TODAY, null), THE_PROVIDER, "rotterdam", aProvider(), CLOCK));

        assertThat(unknownProvider.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(foreignLocation.field()).isEqualTo("locationId");
        assertThat(foreignLocation.rule()).isEqualTo("known-location");
    }

    @Test
    void the_period_must_not_end_before_it_starts_or_already_be_over() {
        Refusal backwards = refusal(CapacityLine.announce(registered(null, null, TODAY.plusDays(5), TODAY.plusDays(2)),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));
        Refusal over = refusal(CapacityLine.announce(registered(null, null, TODAY.minusDays(9), TODAY.minusDays(1)),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));

        assertThat(backwards.field()).isEqualTo("availableUntil");
        assertThat(backwards.rule()).isEqualTo("not-before-from");
        assertThat(over.rule()).isEqualTo("not-in-past");
    }

    @Test
    void an_availability_window_starts_at_most_31_days_back_and_ends_at_most_two_years_ahead() {
        Refusal longPast = refusal(CapacityLine.announce(registered(null, null, TODAY.minusDays(32), null),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));
        Refusal farFrom = refusal(CapacityLine.announce(registered(null, null, TODAY.plusYears(2).plusDays(1), null),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));
        Refusal farUntil = refusal(CapacityLine.announce(registered(null, null, TODAY, TODAY.plusYears(20)),
                THE_PROVIDER, "rotterdam", aProvider(), CLOCK));

        assertThat(longPast.field()).isEqualTo("availableFrom");
        assertThat(longPast.rule()).isEqualTo("not-long-past");
        assertThat(longPast.detail()).contains("31 days");
        assertThat(farFrom.field()).isEqualTo("availableFrom");
        assertThat(farFrom.rule()).isEqualTo("not-too-far-ahead");
        assertThat(farFrom.detail()).contains("2 years");
        assertThat(farUntil.field()).isEqualTo("availableUntil");
        assertThat(farUntil.rule()).isEqualTo("not-too-far-ahead");
        // the edges themselves are accepted
        done(CapacityLine.announce(registered(null, null, TODAY.minusDays(31), TODAY.plusYears(2)), THE_PROVIDER,
                "rotterdam", aProvider(), CLOCK));
    }

    @Test
    void a_line_announced_long_ago_can_still_be_corrected_without_naming_its_start_again() {
        Clock fiftyDaysLater = at(NOW.plus(Duration.ofDays(50)));
        CapacityLine old = aLine(5, 5);

        var corrected = done(old.correct(new CorrectCapacity(4, null, TODAY.plusDays(60), null), fiftyDaysLater));
        Refusal movedBack = refusal(old.correct(new CorrectCapacity(null, TODAY.minusDays(1), null, null),
                fiftyDaysLater));

        assertThat(corrected.state().placesTotal()).isEqualTo(4);
        assertThat(corrected.state().availableFrom()).as("the old start stays").isEqualTo(TODAY);
        assertThat(movedBack.field()).isEqualTo("availableFrom");
        assertThat(movedBack.rule()).isEqualTo("not-long-past");
    }

    @Test
    void an_inactive_provider_announces_nothing() {
        Provider inactive = new Provider(AGB, "Gesloten", ProviderType.GGZ_INSTITUTION, "rotterdam", null, false,
                aProvider().locations(), aProvider().offerings(), 4);

        assertThat(refusal(CapacityLine.announce(registered(AGB, null, TODAY, null), ADMIN, "rotterdam", inactive,
                CLOCK)).rule()).isEqualTo("provider-inactive");
    }

    @Test
    void a_correction_cannot_leave_fewer_places_than_are_reserved() {
        Refusal refusal = refusal(aLine(5, 2).correct(new CorrectCapacity(2, null, null, null), CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.rule()).isEqualTo("places-below-reserved");
    }

    @Test
    void a_correction_recounts_the_places_left_and_confirms_a_stale_line() {
        var done = done(aLine(5, 2, State.STALE).correct(new CorrectCapacity(3, null, null, null),
                at(NOW.plus(Duration.ofDays(20)))));

        assertThat(done.state().placesTotal()).isEqualTo(3);
        assertThat(done.state().placesLeft()).isZero();
        assertThat(done.state().state()).isEqualTo(State.FULL);
        assertThat(done.state().confirmedAt()).isEqualTo(NOW.plus(Duration.ofDays(20)));
        assertThat(((CapacityLineChanged) done.events().get(0).payload()).change()).isEqualTo(Change.CORRECTED);
        assertValid(done.events());
    }

    @Test
    void a_correction_on_an_old_version_is_a_conflict() {
        assertThat(refusal(aLine(5, 5).correct(new CorrectCapacity(4, null, null, 2L), CLOCK)).rule())
                .isEqualTo("version-conflict");
    }

    @Test
    void withdrawing_twice_changes_nothing_the_second_time() {
        var first = done(aLine(3, 3).withdraw(CLOCK));
        var second = done(first.state().withdraw(CLOCK));

        assertThat(first.state().state()).isEqualTo(State.WITHDRAWN);
        assertThat(first.events()).hasSize(1);
        assertThat(second.changed()).isFalse();
    }

    @Test
    void an_expired_line_cannot_be_withdrawn_confirmed_or_corrected() {
        CapacityLine expired = aLine(3, 3, State.EXPIRED);

        assertThat(refusal(expired.withdraw(CLOCK)).rule()).isEqualTo("line-closed");
        assertThat(refusal(expired.confirm(CLOCK)).rule()).isEqualTo("line-closed");
        assertThat(refusal(expired.correct(new CorrectCapacity(4, null, null, null), CLOCK)).rule())
                .isEqualTo("line-closed");
    }

    @Test
    void a_line_expires_the_day_after_its_last_day_and_not_before() {
        CapacityLine line = aLine(3, 3);
        var lastDay = done(line.expireIfOver(at(NOW.plus(Duration.ofDays(40)))));
        var dayAfter = done(line.expireIfOver(at(NOW.plus(Duration.ofDays(41)))));

        assertThat(lastDay.changed()).isFalse();
        assertThat(dayAfter.state().state()).isEqualTo(State.EXPIRED);
        assertThat(((CapacityLineChanged) dayAfter.events().get(0).payload()).change()).isEqualTo(Change.EXPIRED);
    }

    @Test
    void a_line_unconfirmed_for_fourteen_days_goes_stale_and_confirming_brings_it_back() {
        CapacityLine line = aLine(3, 1);
        var day13 = done(line.markStaleIfUnconfirmed(FOURTEEN_DAYS, at(NOW.plus(Duration.ofDays(13)))));
        var day14 = done(line.markStaleIfUnconfirmed(FOURTEEN_DAYS, at(NOW.plus(FOURTEEN_DAYS))));
        var confirmed = done(day14.state().confirm(at(NOW.plus(Duration.ofDays(15)))));

        assertThat(day13.changed()).isFalse();
        assertThat(day14.state().state()).isEqualTo(State.STALE);
        assertThat(confirmed.state().state()).isEqualTo(State.OPEN);
        assertThat(confirmed.state().placesLeft()).isEqualTo(1);
        assertValid(day14.events());
        assertValid(confirmed.events());
    }

    @Test
    void taking_the_last_place_fills_the_line_and_returning_it_opens_it_again() {
        var taken = done(aLine(2, 1).takePlace(CLOCK));
        var returned = done(taken.state().returnPlace(CLOCK));

        assertThat(taken.state().state()).isEqualTo(State.FULL);
        assertThat(taken.state().placesLeft()).isZero();
        assertThat(((CapacityLineChanged) taken.events().get(0).payload()).change()).isEqualTo(Change.RESERVED);
        assertThat(returned.state().state()).isEqualTo(State.OPEN);
        assertThat(returned.state().placesLeft()).isEqualTo(1);
    }

    @Test
    void a_place_returned_to_a_withdrawn_line_does_not_reopen_it() {
        var returned = done(aLine(2, 0, State.WITHDRAWN).returnPlace(CLOCK));

        assertThat(returned.state().state()).isEqualTo(State.WITHDRAWN);
        assertThat(returned.state().placesLeft()).isEqualTo(1);
    }
}
