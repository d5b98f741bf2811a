package nl.transfertafel.transfertable.matching.domain;

import static nl.transfertafel.transfertable.matching.domain.TestData.TODAY;
import static nl.transfertafel.transfertable.matching.domain.TestData.aClient;
import static nl.transfertafel.transfertable.matching.domain.TestData.aContext;
import static nl.transfertafel.transfertable.matching.domain.TestData.aLine;
import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies.ClientPolicy;
import nl.transfertafel.transfertable.matching.domain.EligibilityPolicies.PairPolicy;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.RegistrationRestriction;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each eligibility rule on its own: what it allows, what it blocks, and the reason it gives. */
class EligibilityPoliciesTest {

    private final MatchingContext plain = aContext().contracted("22000002").build();

    private static BlockReason reason(PolicyResult result) {
        return result instanceof PolicyResult.Blocked b ? b.reason() : null;
    }

    private static BlockReason check(ClientPolicy policy, WaitingClient client, MatchingContext context) {
        return reason(policy.check(client, context));
    }

    private static BlockReason check(PairPolicy policy, WaitingClient client, CapacityLine line, MatchingContext context) {
        return reason(policy.check(client, line, context));
    }

    @Nested
    class TheClient {

        @Test
        void only_clients_still_waiting_are_candidates() {
            var policy = new EligibilityPolicies.StillWaiting();
            assertThat(check(policy, aClient().build(), plain)).isNull();
            assertThat(check(policy, aClient().stage(null).build(), plain)).as("no snapshot yet counts as waiting").isNull();
            for (var stage : new WaitingEntryChanged.Stage[] {WaitingEntryChanged.Stage.INTAKE_DONE,
                    WaitingEntryChanged.Stage.IN_TREATMENT, WaitingEntryChanged.Stage.WITHDRAWN}) {
                assertThat(check(policy, aClient().stage(stage).build(), plain)).isEqualTo(BlockReason.NOT_WAITING);
            }
        }

        @Test
        void a_client_without_screening_consent_is_never_proposed() {
            var policy = new EligibilityPolicies.ScreeningConsentGiven();
            assertThat(check(policy, aClient().build(), plain)).isNull();
            assertThat(check(policy, aClient().withoutConsent().build(), plain)).isEqualTo(BlockReason.NO_SCREENING_CONSENT);
        }

        @Test
        void a_client_in_an_open_proposal_is_not_proposed_twice() {
            var policy = new EligibilityPolicies.NotAlreadyProposed();
            assertThat(check(policy, aClient().id("r-9").build(), aContext().inProposal("r-1").build())).isNull();
            assertThat(check(policy, aClient().build(), aContext().inProposal("r-1").build()))
                    .isEqualTo(BlockReason.ALREADY_IN_PROPOSAL);
        }

        @Test
        void a_client_transferred_by_the_table_is_not_transferred_again() {
            var policy = new EligibilityPolicies.NotAlreadyTransferred();
            assertThat(check(policy, aClient().build(), plain)).isNull();
            assertThat(check(policy, aClient().build(), aContext().transferred("r-1").build()))
                    .isEqualTo(BlockReason.ALREADY_TRANSFERRED);
        }

        @Test
        void a_client_marked_not_suitable_for_transfer_is_left_alone() {
            var policy = new EligibilityPolicies.NotMarkedUnsuitable();
            assertThat(check(policy, aClient().build(), plain)).isNull();
            assertThat(check(policy, aClient().build(), aContext().unsuitable("r-1").build()))
                    .isEqualTo(BlockReason.MARKED_NOT_SUITABLE);
        }

        @Test
        void a_precautionary_waiter_is_not_proposed_unless_urgent() {
            var policy = new EligibilityPolicies.NotWaitingAsPrecaution();
            assertThat(check(policy, aClient().status(WaitingStatus.WAITING_AS_PRECAUTION).build(), plain))
                    .isEqualTo(BlockReason.WAITING_AS_PRECAUTION);
            assertThat(check(policy, aClient().status(WaitingStatus.WAITING_AS_PRECAUTION).urgent().build(), plain)).isNull();
            assertThat(check(policy, aClient().build(), plain)).isNull();
        }
    }

    @Nested
    class TheClientOnALine {

        @Test
        void never_to_the_clients_current_provider() {
            var policy = new EligibilityPolicies.NotCurrentProvider();
            assertThat(check(policy, aClient().currentlyAt("22000002").build(), aLine().of("22000002").build(), plain))
                    .isEqualTo(BlockReason.CURRENT_PROVIDER);
            assertThat(check(policy, aClient().currentlyAt("22000001").build(), aLine().of("22000002").build(), plain)).isNull();
            assertThat(check(policy, aClient().currentlyAt(null).build(), aLine().build(), plain)).as("unplaced").isNull();
        }

        @Test
        void the_line_offers_the_clients_diagnosis_group() {
            var policy = new EligibilityPolicies.DiagnosisGroupOffered();
            assertThat(check(policy, aClient().group(DiagnosisGroup.ANXIETY).build(), aLine().build(), plain)).isNull();
            assertThat(check(policy, aClient().group(DiagnosisGroup.EATING).build(), aLine().build(), plain))
                    .isEqualTo(BlockReason.DIAGNOSIS_GROUP_NOT_OFFERED);
        }

        @Test
        void care_level_must_fit_and_to_be_assessed_fits_either_level() {
            var policy = new EligibilityPolicies.CareLevelOffered();
            assertThat(check(policy, aClient().level(CareLevel.SPECIALIST).build(), aLine().level(CareLevel.SPECIALIST).build(), plain)).isNull();
            assertThat(check(policy, aClient().level(CareLevel.BASIC).build(), aLine().level(CareLevel.SPECIALIST).build(), plain))
                    .isEqualTo(BlockReason.CARE_LEVEL_NOT_OFFERED);
            assertThat(check(policy, aClient().level(CareLevel.SPECIALIST).build(), aLine().level(CareLevel.BASIC).build(), plain))
                    .isEqualTo(BlockReason.CARE_LEVEL_NOT_OFFERED);
            assertThat(check(policy, aClient().level(CareLevel.TO_BE_ASSESSED).build(), aLine().level(CareLevel.BASIC).build(), plain)).isNull();
            assertThat(check(policy, aClient().level(CareLevel.TO_BE_ASSESSED).build(), aLine().level(CareLevel.SPECIALIST).build(), plain)).isNull();
            assertThat(check(policy, aClient().level(CareLevel.BASIC).build(), aLine().level(CareLevel.TO_BE_ASSESSED).build(), plain)).isNull();
        }

        @Test
        void the_line_must_be_open_current_with_a_free_place_and_an_active_provider() {
            var policy = new EligibilityPolicies.LineAvailable();
            var client = aClient().build();
            assertThat(check(policy, client, aLine().build(), plain)).isNull();
            assertThat(check(policy, client, aLine().state(CapacityLineChanged.State.STALE).build(), plain)).isEqualTo(BlockReason.LINE_STALE);
            assertThat(check(policy, client, aLine().state(CapacityLineChanged.State.EXPIRED).build(), plain)).isEqualTo(BlockReason.LINE_EXPIRED);
            assertThat(check(policy, client, aLine().until(TODAY.minusDays(1)).build(), plain)).isEqualTo(BlockReason.LINE_EXPIRED);
            assertThat(check(policy, client, aLine().until(TODAY).build(), plain)).as("last day still counts").isNull();
            assertThat(check(policy, client, aLine().state(CapacityLineChanged.State.WITHDRAWN).build(), plain)).isEqualTo(BlockReason.LINE_WITHDRAWN);
            assertThat(check(policy, client, aLine().state(CapacityLineChanged.State.FULL).build(), plain)).isEqualTo(BlockReason.NO_FREE_PLACE);
            assertThat(check(policy, client, aLine().places(0).build(), plain)).isEqualTo(BlockReason.NO_FREE_PLACE);
            assertThat(check(policy, client, aLine().inactiveProvider().build(), plain)).isEqualTo(BlockReason.PROVIDER_INACTIVE);
        }

        @Test
        void places_held_by_open_proposals_are_not_free() {
            var policy = new EligibilityPolicies.LineAvailable();
            assertThat(check(policy, aClient().build(), aLine().places(2).build(), aContext().held("line-1", 1).build())).isNull();
            assertThat(check(policy, aClient().build(), aLine().places(2).build(), aContext().held("line-1", 2).build()))
                    .isEqualTo(BlockReason.NO_FREE_PLACE);
        }

        @Test
        void the_age_band_must_lie_inside_the_lines_age_range() {
            var policy = new EligibilityPolicies.AgeInRange();
            assertThat(check(policy, aClient().aged("25-34").build(), aLine().ages(18, 120).build(), plain)).isNull();
            assertThat(check(policy, aClient().aged("0-17").build(), aLine().ages(16, 120).build(), plain))
                    .as("a band partly outside the range is refused").isEqualTo(BlockReason.AGE_OUT_OF_RANGE);
            assertThat(check(policy, aClient().aged("65+").build(), aLine().ages(18, 64).build(), plain)).isEqualTo(BlockReason.AGE_OUT_OF_RANGE);
            assertThat(check(policy, aClient().aged("65+").build(), aLine().ages(null, null).build(), plain)).isNull();
        }

        @Test
        void exclusion_criteria_that_the_referral_reveals_are_applied() {
            var policy = new EligibilityPolicies.NotExcluded();
            assertThat(check(policy, aClient().urgent().build(), aLine().excluding("CRISIS_PRONE").build(), plain)).isEqualTo(BlockReason.EXCLUDED);
            assertThat(check(policy, aClient().build(), aLine().excluding("CRISIS_PRONE").build(), plain)).isNull();
            assertThat(check(policy, aClient().group(DiagnosisGroup.ADDICTION).build(), aLine().excluding("ADDICTION_COMORBIDITY").build(), plain))
                    .isEqualTo(BlockReason.EXCLUDED);
            assertThat(check(policy, aClient().group(DiagnosisGroup.EATING).build(), aLine().excluding("eating").build(), plain))
                    .isEqualTo(BlockReason.EXCLUDED);
            assertThat(check(policy, aClient().build(), aLine().excluding("SOMETHING_UNKNOWN").build(), plain)).isNull();
        }

        @Test
        void a_client_waiting_for_preference_gets_nothing_elsewhere_unless_urgent() {
            var policy = new EligibilityPolicies.RespectsPreference();
            var waiting = aClient().waitsFor("22000003").build();
            assertThat(check(policy, waiting, aLine().of("22000002").build(), plain)).isEqualTo(BlockReason.WAITING_FOR_PREFERENCE);
            assertThat(check(policy, waiting, aLine().of("22000003").build(), plain)).as("the preferred provider").isNull();
            assertThat(check(policy, aClient().waitsFor("22000003").urgent().build(), aLine().build(), plain)).isNull();
            assertThat(check(policy, aClient().status(WaitingStatus.WAITING_FOR_PREFERENCE).build(), aLine().build(), plain))
                    .as("the status set by the provider counts too").isEqualTo(BlockReason.WAITING_FOR_PREFERENCE);
            assertThat(check(policy, aClient().status(WaitingStatus.URGENT_PLACEMENT).waitsFor("22000003").build(),
                    aLine().build(), plain)).as("urgent placement outranks preference").isNull();
        }

        @Test
        void no_stop_or_pause_for_the_group_at_that_provider() {
            var policy = new EligibilityPolicies.NoStopOrPause();
            var pause = aContext().restriction(new RegistrationRestriction("22000002",
                    RegistrationRestrictionChanged.Kind.PAUSE, DiagnosisGroup.DEPRESSION, TODAY.minusDays(3), null)).build();
            assertThat(check(policy, aClient().build(), aLine().build(), pause)).isEqualTo(BlockReason.REGISTRATION_PAUSE);
            assertThat(check(policy, aClient().group(DiagnosisGroup.ANXIETY).build(), aLine().build(), pause)).as("other group").isNull();
            var stop = aContext().restriction(new RegistrationRestriction("22000002",
                    RegistrationRestrictionChanged.Kind.STOP, null, null, null)).build();
            assertThat(check(policy, aClient().group(DiagnosisGroup.ANXIETY).build(), aLine().build(), stop)).isEqualTo(BlockReason.REGISTRATION_STOP);
            var later = aContext().restriction(new RegistrationRestriction("22000002",
                    RegistrationRestrictionChanged.Kind.PAUSE, null, TODAY.plusDays(1), null)).build();
            assertThat(check(policy, aClient().build(), aLine().build(), later)).as("not yet in force").isNull();
            var ended = aContext().restriction(new RegistrationRestriction("22000002",
                    RegistrationRestrictionChanged.Kind.PAUSE, null, null, TODAY.minusDays(1))).build();
            assertThat(check(policy, aClient().build(), aLine().build(), ended)).as("over").isNull();
        }

        @Test
        void a_client_facing_a_stop_and_a_pause_at_the_provider_is_told_stop() {
            var policy = new EligibilityPolicies.NoStopOrPause();
            var pause = new RegistrationRestriction("22000002", RegistrationRestrictionChanged.Kind.PAUSE,
                    DiagnosisGroup.DEPRESSION, TODAY.minusDays(3), TODAY.plusDays(30));
            var stop = new RegistrationRestriction("22000002", RegistrationRestrictionChanged.Kind.STOP, null,
                    TODAY.minusDays(1), null);
            var pauseFirst = aContext().restriction(pause).restriction(stop).build();
            var stopFirst = aContext().restriction(stop).restriction(pause).build();

            assertThat(check(policy, aClient().build(), aLine().build(), pauseFirst)).isEqualTo(BlockReason.REGISTRATION_STOP);
            assertThat(check(policy, aClient().build(), aLine().build(), stopFirst)).isEqualTo(BlockReason.REGISTRATION_STOP);
        }

        @Test
        void a_pair_refused_recently_is_not_proposed_again() {
            var policy = new EligibilityPolicies.NotRefusedRecently();
            var context = aContext().refused("r-1", "22000002").build();
            assertThat(check(policy, aClient().build(), aLine().of("22000002").build(), context)).isEqualTo(BlockReason.REFUSED_RECENTLY);
            assertThat(check(policy, aClient().build(), aLine().of("22000003").build(), context)).isNull();
            assertThat(check(policy, aClient().id("r-2").build(), aLine().of("22000002").build(), context)).isNull();
        }

        @Test
        void within_travel_distance_or_e_health_that_the_client_accepts() {
            var policy = new EligibilityPolicies.WithinTravelDistance();
            assertThat(check(policy, aClient().livingIn("3011").travelsAtMost(10).build(), aLine().at("3012").build(), plain)).isNull();
            assertThat(check(policy, aClient().livingIn("3011").travelsAtMost(10).build(), aLine().at("1011").build(), plain))
                    .as("Rotterdam to Amsterdam").isEqualTo(BlockReason.TOO_FAR);
            assertThat(check(policy, aClient().livingIn("3011").travelsAtMost(null).build(), aLine().at("3511").build(),
                    aContext().defaultMaxKm(30).build())).as("Rotterdam to Utrecht beyond the default 30 km")
                    .isEqualTo(BlockReason.TOO_FAR);
            var eHealthLine = aLine().type(ProviderType.E_HEALTH).at("9711").build();
            assertThat(check(policy, aClient().acceptsEHealth().build(), eHealthLine, plain)).isNull();
            assertThat(check(policy, aClient().build(), eHealthLine, plain)).isEqualTo(BlockReason.E_HEALTH_NOT_ACCEPTED);
        }

        @Test
        void the_insurer_must_have_contracted_the_provider_below_its_ceiling() {
            var policy = new EligibilityPolicies.InsurerContracted();
            var client = aClient().build();
            assertThat(check(policy, client, aLine().build(), aContext().contracted("22000002").build())).isNull();
            assertThat(check(policy, client, aLine().build(), aContext().build())).as("unknown = not contracted")
                    .isEqualTo(BlockReason.NOT_CONTRACTED);
            assertThat(check(policy, client, aLine().build(), aContext().contract("3311", "22000002", false, false).build()))
                    .isEqualTo(BlockReason.NOT_CONTRACTED);
            assertThat(check(policy, client, aLine().build(), aContext().contract("3311", "22000002", true, true).build()))
                    .isEqualTo(BlockReason.CEILING_REACHED);
            assertThat(check(policy, aClient().insuredBy("7029").build(), aLine().build(), aContext().contracted("22000002").build()))
                    .as("another insurer's contract does not count").isEqualTo(BlockReason.NOT_CONTRACTED);
            assertThat(check(policy, client, aLine().type(ProviderType.SOCIAL_DOMAIN).build(), aContext().build()))
                    .as("social-domain support is not insured care").isNull();
        }
    }

    @Test
    void eligibility_lists_every_reason_and_stops_at_the_first_for_matching() {
        var eligibility = Eligibility.standard();
        var client = aClient().currentlyAt("22000002").travelsAtMost(5).build();
        var line = aLine().of("22000002").at("1011").build();

        assertThat(eligibility.pairBlocks(client, line, aContext().build())).extracting(PolicyResult.Blocked::reason)
                .containsExactly(BlockReason.CURRENT_PROVIDER, BlockReason.TOO_FAR, BlockReason.NOT_CONTRACTED);
        assertThat(eligibility.firstPairBlock(client, line, aContext().build()).reason()).isEqualTo(BlockReason.CURRENT_PROVIDER);
        assertThat(eligibility.firstPairBlock(aClient().build(), aLine().build(), plain)).isNull();
    }
}
