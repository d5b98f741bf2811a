package nl.transfertafel.transfertable.waitinglist.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import nl.transfertafel.transfertable.screening.domain.FourEyesDecision;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import org.junit.jupiter.api.Test;

/** Waiting-list screening under the same four-eyes policy: marking is the first screening, confirming the second. */
class WaitingListScreeningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Screener A = new Screener("coordinator-a", Set.of("COORDINATOR"), "22000001", "rotterdam");
    private static final Screener B = new Screener("coordinator-b", Set.of("COORDINATOR"), "22000002", "rotterdam");
    private static final Screener C = new Screener("coordinator-c", Set.of("COORDINATOR"), "22000001", "rotterdam");
    private final FourEyesPolicy policy = new FourEyesPolicy();

    private WaitingListScreening marked(Screener by) {
        WaitingListScreening.Outcome outcome = WaitingListScreening.mark("rotterdam", "r-1", "pseudonym_0123456789abcdef",
                "22000001", WaitingListScreening.Verdict.NOT_SUITABLE_FOR_TRANSFER,
                WaitingListScreening.Reason.TREATMENT_RELATIONSHIP_WITH_CURRENT_PROVIDER, by, policy, CLOCK);
        return ((WaitingListScreening.Changed) outcome).screening();
    }

    @Test
    void a_second_coordinator_of_another_organisation_confirms_the_marking() {
        WaitingListScreening open = marked(A);
        assertThat(open.state()).isEqualTo(WaitingListScreening.State.OPEN);
        var confirmed = open.confirm(B, policy, CLOCK);
        assertThat(confirmed).isInstanceOfSatisfying(WaitingListScreening.Changed.class,
                c -> assertThat(c.screening().state()).isEqualTo(WaitingListScreening.State.CONFIRMED));
    }

    @Test
    void the_marker_cannot_confirm_and_two_of_the_current_provider_are_not_enough() {
        WaitingListScreening open = marked(A);
        assertThat(open.confirm(A, policy, CLOCK)).isInstanceOfSatisfying(WaitingListScreening.Refused.class,
                r -> assertThat(r.decision().rule()).isEqualTo(FourEyesDecision.Rule.ALREADY_APPROVED));
        assertThat(open.confirm(C, policy, CLOCK)).isInstanceOfSatisfying(WaitingListScreening.Refused.class,
                r -> assertThat(r.decision().rule()).isEqualTo(FourEyesDecision.Rule.SAME_ORGANISATION_AS_CURRENT_PROVIDER));
    }

    @Test
    void only_coordinators_of_the_region_mark_and_a_mark_needs_a_reason() {
        Screener admin = new Screener("beheerder", Set.of("ADMIN"), "TRANSFERTAFEL", "rotterdam");
        assertThat(WaitingListScreening.mark("rotterdam", "r-1", "p", null, WaitingListScreening.Verdict.TRANSFER_CANDIDATE,
                WaitingListScreening.Reason.OTHER, admin, policy, CLOCK)).isInstanceOf(WaitingListScreening.Refused.class);
        assertThat(WaitingListScreening.mark("rotterdam", "r-1", "p", null, WaitingListScreening.Verdict.TRANSFER_CANDIDATE,
                null, A, policy, CLOCK)).isInstanceOfSatisfying(WaitingListScreening.Refused.class,
                r -> assertThat(r.decision().rule()).isEqualTo(FourEyesDecision.Rule.REASON_REQUIRED));
    }

    @Test
    void a_dismissed_or_confirmed_screening_is_final() {
        WaitingListScreening dismissed = ((WaitingListScreening.Changed) marked(A)
                .dismiss(B, WaitingListScreening.Reason.SHORTER_WAIT_ELSEWHERE_LIKELY, policy, CLOCK)).screening();
        assertThat(dismissed.state()).isEqualTo(WaitingListScreening.State.DISMISSED);
        Screener d = new Screener("coordinator-d", Set.of("COORDINATOR"), "22000003", "rotterdam");
        assertThat(dismissed.confirm(d, policy, CLOCK)).isInstanceOf(WaitingListScreening.Illegal.class);
    }
}
