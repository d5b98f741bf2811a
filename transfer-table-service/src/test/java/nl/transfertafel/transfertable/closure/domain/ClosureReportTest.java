package nl.transfertafel.transfertable.closure.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import org.junit.jupiter.api.Test;

/** Where each member of a closure case stands, and the report the region and the insurer read. */
class ClosureReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static ClosureMember waiting(String id, int daysAgo, ProposalState state, LocalDate changedOn) {
        return new ClosureMember(id, "rotterdam", "pseudonym_" + id + "_0123456789", "3311", TODAY.minusDays(daysAgo),
                false, true, state == null ? null : "proposal-" + id, state, changedOn, false);
    }

    @Test
    void a_completed_transfer_is_placed_even_though_the_client_now_waits_for_intake_elsewhere() {
        assertThat(MemberStatus.of(waiting("a", 50, ProposalState.COMPLETED, TODAY))).isEqualTo(MemberStatus.PLACED);
    }

    @Test
    void open_proposals_are_in_screening_until_approved_twice_then_offered() {
        assertThat(MemberStatus.of(waiting("a", 5, ProposalState.PROPOSED, TODAY))).isEqualTo(MemberStatus.IN_SCREENING);
        assertThat(MemberStatus.of(waiting("a", 5, ProposalState.SCREENED_ONCE, TODAY))).isEqualTo(MemberStatus.IN_SCREENING);
        assertThat(MemberStatus.of(waiting("a", 5, ProposalState.APPROVED, TODAY))).isEqualTo(MemberStatus.OFFERED);
        assertThat(MemberStatus.of(waiting("a", 5, ProposalState.ACCEPTED_BY_CLIENT, TODAY))).isEqualTo(MemberStatus.OFFERED);
    }

    @Test
    void a_rejected_or_declined_proposal_leaves_the_client_without_a_match_yet() {
        assertThat(MemberStatus.of(waiting("a", 5, ProposalState.REJECTED, TODAY))).isEqualTo(MemberStatus.NO_MATCH_YET);
        assertThat(MemberStatus.of(waiting("a", 5, null, null))).isEqualTo(MemberStatus.NO_MATCH_YET);
    }

    @Test
    void a_client_in_treatment_needs_a_warm_handover_and_one_who_left_is_no_longer_counted_as_waiting() {
        var inTreatment = new ClosureMember("t", "rotterdam", "pseudonym_t_0123456789", "3311", TODAY.minusDays(200),
                true, false, null, null, null, false);
        var withdrawn = new ClosureMember("w", "rotterdam", "pseudonym_w_0123456789", "3311", TODAY.minusDays(90),
                false, false, null, null, null, false);
        assertThat(MemberStatus.of(inTreatment)).isEqualTo(MemberStatus.WARM_HANDOVER);
        assertThat(MemberStatus.of(withdrawn)).isEqualTo(MemberStatus.LEFT);
    }

    @Test
    void the_report_counts_placed_within_the_norm_escalations_and_the_longest_remaining_wait() {
        var placedInTime = waiting("in-time", 40, ProposalState.COMPLETED, TODAY.minusDays(20)); // day 20 of 28
        var placedLate = waiting("late", 60, ProposalState.COMPLETED, TODAY.minusDays(1));      // day 59
        var screening = waiting("screening", 70, ProposalState.PROPOSED, TODAY);
        var escalatedNoMatch = new ClosureMember("esc", "rotterdam", "pseudonym_esc_0123456789", "3311",
                TODAY.minusDays(95), false, true, null, null, null, true);
        var inTreatment = new ClosureMember("t", "rotterdam", "pseudonym_t_0123456789", "3311", TODAY.minusDays(400),
                true, false, null, null, null, false);

        ClosureReport report = ClosureReport.of(List.of(placedInTime, placedLate, screening, escalatedNoMatch,
                inTreatment), TODAY);

        assertThat(report.clients()).isEqualTo(5);
        assertThat(report.placed()).isEqualTo(2);
        assertThat(report.placedWithinNorm()).isEqualTo(1);
        assertThat(report.inScreening()).isEqualTo(1);
        assertThat(report.noMatchYet()).isEqualTo(1);
        assertThat(report.warmHandover()).isEqualTo(1);
        assertThat(report.escalated()).isEqualTo(1);
        // the one in treatment is not waiting: the longest remaining wait is the escalated client's
        assertThat(report.longestRemainingWaitDays()).isEqualTo(95);
    }

    @Test
    void a_case_with_everyone_placed_has_no_remaining_wait() {
        ClosureReport report = ClosureReport.of(List.of(waiting("a", 10, ProposalState.COMPLETED, TODAY)), TODAY);
        assertThat(report.longestRemainingWaitDays()).isNull();
        assertThat(report.placedWithinNorm()).isEqualTo(1);
    }

    @Test
    void a_client_whose_treatment_must_move_is_rematched_like_a_waiting_one_and_keeps_its_handover() {
        // intake put it back on the waiting list (TREATMENT_MUST_MOVE); its clock counts from the end date
        var rematched = new ClosureMember("m", "rotterdam", "pseudonym_m_0123456789", "3311", TODAY.plusDays(30),
                true, true, "proposal-m", ProposalState.PROPOSED, TODAY, false);
        var stillTreated = new ClosureMember("t", "rotterdam", "pseudonym_t_0123456789", "3311", TODAY.minusDays(400),
                true, false, null, null, null, false);

        assertThat(MemberStatus.of(rematched)).isEqualTo(MemberStatus.IN_SCREENING);
        assertThat(rematched.rematchedFromTreatment()).isTrue();
        assertThat(stillTreated.rematchedFromTreatment()).isFalse();
        ClosureReport report = ClosureReport.of(List.of(rematched, stillTreated), TODAY);
        assertThat(report.inScreening()).isEqualTo(1);
        assertThat(report.warmHandover()).isEqualTo(1);
        assertThat(report.rematchedFromTreatment()).isEqualTo(1);
        assertThat(report.longestRemainingWaitDays()).as("the new wait starts at the end date").isZero();
    }

    @Test
    void the_report_tells_out_of_region_proposals_from_members_still_searching_out_of_region() {
        var offeredElsewhere = new ClosureMember("o", "rotterdam", "pseudonym_o_0123456789", "3311",
                TODAY.minusDays(20), false, true, "proposal-o", ProposalState.OFFERED, TODAY, false,
                TODAY.minusDays(3), true, false);
        var searching = new ClosureMember("s", "rotterdam", "pseudonym_s_0123456789", "3311", TODAY.minusDays(20),
                false, true, null, null, null, false, TODAY.minusDays(3), false, false);
        var atHome = waiting("h", 20, ProposalState.PROPOSED, TODAY);

        ClosureReport report = ClosureReport.of(List.of(offeredElsewhere, searching, atHome), TODAY);

        assertThat(report.outOfRegion()).isEqualTo(1);
        assertThat(report.searchingOutOfRegion()).isEqualTo(1);
        assertThat(report.noMatchYet()).isEqualTo(1);
    }

    @Test
    void members_a_location_closure_took_in_without_a_known_location_are_counted_apart() {
        var unknown = new ClosureMember("u", "rotterdam", "pseudonym_u_0123456789", "3311", TODAY.minusDays(20),
                false, true, null, null, null, false, null, false, true);
        var known = waiting("k", 20, null, null);

        ClosureReport report = ClosureReport.of(List.of(unknown, known), TODAY);

        assertThat(report.locationUnknown()).isEqualTo(1);
        assertThat(report.noMatchYet()).as("matched like every member").isEqualTo(2);
    }
}
