package nl.transfertafel.transfertable.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Allowed;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Refused;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The four-eyes rule (criterion b of the 2021 action plan), case by case: who may approve, when two
 * approvals are enough, and what the refusal says.
 */
class FourEyesPolicyTest {

    private static final String REGION = "rotterdam";
    private static final String CURRENT = "22000001";   // the client's current provider
    private static final String OTHER = "22000002";
    private static final String THIRD = "22000003";

    private final FourEyesPolicy policy = new FourEyesPolicy();

    private static Screener coordinator(String user, String organisation) {
        return new Screener(user, Set.of("COORDINATOR"), organisation, REGION);
    }

    private static ScreeningSubject engineProposal(Approval... approvals) {
        return new ScreeningSubject(REGION, CURRENT, null, List.of(approvals));
    }

    private static Approval approvedBy(String user, String organisation) {
        return new Approval(user, organisation, Instant.parse("2026-11-23T09:00:00Z"));
    }

    @Test
    void two_distinct_coordinators_of_two_organisations_complete_the_screening() {
        FourEyesDecision first = policy.approve(engineProposal(), coordinator("coordinator-a", CURRENT));
        assertThat(first).isInstanceOfSatisfying(Allowed.class, a -> {
            assertThat(a.complete()).isFalse();
            assertThat(a.approvalsAfter()).isEqualTo(1);
            assertThat(a.reason()).contains("First approval").contains("other than coordinator-a")
                    .contains("organisation other than the client's current provider (22000001)");
        });
        FourEyesDecision second = policy.approve(engineProposal(approvedBy("coordinator-a", CURRENT)),
                coordinator("coordinator-b", OTHER));
        assertThat(second).isInstanceOfSatisfying(Allowed.class, a -> {
            assertThat(a.complete()).isTrue();
            assertThat(a.approvalsAfter()).isEqualTo(2);
        });
    }

    @Test
    void the_same_person_cannot_approve_twice() {
        FourEyesDecision again = policy.approve(engineProposal(approvedBy("coordinator-b", OTHER)),
                coordinator("coordinator-b", OTHER));
        assertThat(again).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.ALREADY_APPROVED);
            assertThat(r.reason()).contains("already approved");
        });
    }

    @Test
    void two_coordinators_both_from_the_clients_current_provider_are_not_enough() {
        FourEyesDecision second = policy.approve(engineProposal(approvedBy("coordinator-a", CURRENT)),
                coordinator("coordinator-c", CURRENT));
        assertThat(second).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.SAME_ORGANISATION_AS_CURRENT_PROVIDER);
            assertThat(r.reason()).contains("current provider (22000001)").contains("another organisation");
        });
    }

    @Test
    void a_first_approval_from_the_current_provider_is_fine_when_the_second_is_from_elsewhere() {
        assertThat(policy.approve(engineProposal(), coordinator("coordinator-a", CURRENT))).isInstanceOf(Allowed.class);
        assertThat(policy.approve(engineProposal(approvedBy("coordinator-b", OTHER)), coordinator("coordinator-a", CURRENT)))
                .isInstanceOfSatisfying(Allowed.class, a -> assertThat(a.complete()).isTrue());
    }

    @Test
    void two_coordinators_of_the_same_other_organisation_suffice() {
        assertThat(policy.approve(engineProposal(approvedBy("coordinator-b", OTHER)), coordinator("coordinator-d", OTHER)))
                .isInstanceOfSatisfying(Allowed.class, a -> assertThat(a.complete()).isTrue());
    }

    @Test
    void for_a_client_without_a_current_provider_any_two_distinct_coordinators_suffice() {
        ScreeningSubject unplaced = new ScreeningSubject(REGION, null, null, List.of(approvedBy("coordinator-a", CURRENT)));
        assertThat(policy.approve(unplaced, coordinator("coordinator-c", CURRENT)))
                .isInstanceOfSatisfying(Allowed.class, a -> assertThat(a.complete()).isTrue());
    }

    @Test
    void a_coordinator_who_proposed_by_hand_cannot_approve_it() {
        ScreeningSubject manual = new ScreeningSubject(REGION, CURRENT, "coordinator-b", List.of());
        FourEyesDecision own = policy.approve(manual, coordinator("coordinator-b", OTHER));
        assertThat(own).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.OWN_PROPOSAL);
            assertThat(r.reason()).isEqualTo("You proposed this match yourself; two other coordinators of the region must approve it.");
        });
        assertThat(policy.stillNeeded(manual)).contains("other than coordinator-b");
    }

    @Test
    void a_coordinator_of_another_region_cannot_approve() {
        Screener elsewhere = new Screener("coordinator-u", Set.of("COORDINATOR"), THIRD, "utrecht");
        assertThat(policy.approve(engineProposal(), elsewhere)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.OTHER_REGION);
            assertThat(r.reason()).contains("region rotterdam");
        });
        Screener noRegion = new Screener("coordinator-x", Set.of("COORDINATOR"), THIRD, null);
        assertThat(policy.approve(engineProposal(), noRegion)).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.OTHER_REGION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GP", "PROVIDER", "INSURER", "CLIENT_SUPPORT", "ADMIN", "SERVICE"})
    void no_other_role_approves_or_rejects_not_even_admin(String role) {
        Screener someone = new Screener("user-1", Set.of(role), OTHER, REGION);
        assertThat(policy.approve(engineProposal(), someone)).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.rule()).isEqualTo(Rule.NOT_A_COORDINATOR);
            assertThat(r.reason()).contains(role);
        });
        assertThat(policy.reject(engineProposal(), someone, "OTHER")).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.NOT_A_COORDINATOR));
    }

    @Test
    void an_admin_who_is_also_a_coordinator_screens_as_a_coordinator() {
        Screener both = new Screener("user-2", Set.of("ADMIN", "COORDINATOR"), OTHER, REGION);
        assertThat(policy.approve(engineProposal(), both)).isInstanceOf(Allowed.class);
    }

    @Test
    void a_rejection_needs_a_reason() {
        FourEyesDecision without = policy.reject(engineProposal(), coordinator("coordinator-a", CURRENT), null);
        assertThat(without).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.rule()).isEqualTo(Rule.REASON_REQUIRED));
        FourEyesDecision with = policy.reject(engineProposal(), coordinator("coordinator-a", CURRENT), "PROVIDER_NOT_SUITABLE");
        assertThat(with).isInstanceOfSatisfying(Allowed.class, a -> {
            // a first rejection is pending: it needs a second coordinator's confirmation (issue 11 item 3)
            assertThat(a.complete()).isFalse();
            assertThat(a.reason()).contains("PROVIDER_NOT_SUITABLE").contains("pending");
        });
    }

    @Test
    void rejections_follow_the_region_rule_too() {
        Screener elsewhere = new Screener("coordinator-u", Set.of("COORDINATOR"), THIRD, "utrecht");
        assertThat(policy.reject(engineProposal(), elsewhere, "OTHER")).isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.rule()).isEqualTo(Rule.OTHER_REGION));
    }

    @Test
    void what_is_still_needed_is_spelled_out() {
        assertThat(policy.stillNeeded(engineProposal())).isEqualTo("Two approvals by two different coordinators of region"
                + " rotterdam are needed; at least one of them from an organisation other than the client's current"
                + " provider (22000001).");
        assertThat(policy.stillNeeded(engineProposal(approvedBy("coordinator-b", OTHER))))
                .isEqualTo("One more approval by a coordinator of region rotterdam other than coordinator-b is needed.");
        assertThat(policy.stillNeeded(engineProposal(approvedBy("coordinator-a", CURRENT), approvedBy("coordinator-b", OTHER))))
                .startsWith("Nothing");
    }
}
