package nl.transfertafel.transfertable.screening.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.waitinglist.domain.WaitingListScreening;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 items 1, 3 and 4: the holes a review found in the four-eyes rule, each as a scenario
 * that failed before the fix (written against the API as it was).
 */
class FourEyesHardeningTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final String REGION = "rotterdam";
    private static final String CURRENT = "22000001";
    private static final String RECEIVING = "22000002";
    private static final String THIRD = "22000003";

    private final FourEyesPolicy policy = new FourEyesPolicy();

    private static Screener coordinator(String user, String organisation) {
        return new Screener(user, Set.of("COORDINATOR"), organisation, REGION);
    }

    private static Proposal proposal(String current, String receiving) {
        return Proposal.propose(new Proposal.New(REGION, "r-1", "pseudonym_0123456789abcdef", "line-1", receiving,
                current, "01000001", "3311", TransferProposed.Origin.ENGINE, null, null, DiagnosisGroup.DEPRESSION,
                Urgency.REGULAR, new Explanation("regular", null, List.of(), List.of(), null), CLOCK.instant()),
                CLOCK).proposal();
    }

    private static Proposal after(Proposal.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Proposal.Changed.class);
        return ((Proposal.Changed) outcome).proposal();
    }

    private static String refusalCode(Proposal.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Proposal.Refused.class);
        return ((Proposal.Refused) outcome).decision().rule().code();
    }

    // ---- item 1: a missing or differently written organisation is never "another organisation"

    @Test
    void a_coordinator_without_organisation_is_refused_and_never_counted_as_another_organisation() {
        Proposal once = after(proposal(CURRENT, RECEIVING).approve(coordinator("coordinator-a", CURRENT), policy, CLOCK));
        assertThat(refusalCode(once.approve(coordinator("coordinator-x", null), policy, CLOCK)))
                .isEqualTo("organisation-missing");
        assertThat(refusalCode(once.approve(coordinator("coordinator-y", "  "), policy, CLOCK)))
                .isEqualTo("organisation-missing");
    }

    @Test
    void a_zero_padded_or_differently_written_code_of_the_current_provider_is_the_current_provider() {
        Proposal once = after(proposal(CURRENT, RECEIVING).approve(coordinator("coordinator-a", CURRENT), policy, CLOCK));
        assertThat(refusalCode(once.approve(coordinator("coordinator-c", "0" + CURRENT), policy, CLOCK)))
                .isEqualTo("four-eyes-organisation");
        assertThat(refusalCode(once.approve(coordinator("coordinator-d", " " + CURRENT + " "), policy, CLOCK)))
                .isEqualTo("four-eyes-organisation");
    }

    @Test
    void waiting_list_screening_refuses_a_coordinator_without_organisation() {
        WaitingListScreening.Outcome marked = WaitingListScreening.mark(REGION, "r-1", "pseudonym_0123456789abcdef",
                CURRENT, WaitingListScreening.Verdict.TRANSFER_CANDIDATE,
                WaitingListScreening.Reason.SHORTER_WAIT_ELSEWHERE_LIKELY, coordinator("coordinator-x", null), policy,
                CLOCK);
        assertThat(marked).isInstanceOfSatisfying(WaitingListScreening.Refused.class,
                r -> assertThat(r.decision().rule().code()).isEqualTo("organisation-missing"));
    }

    @Test
    void a_waiting_list_confirmation_from_a_zero_padded_current_provider_code_is_not_another_organisation() {
        WaitingListScreening open = ((WaitingListScreening.Changed) WaitingListScreening.mark(REGION, "r-1",
                "pseudonym_0123456789abcdef", CURRENT, WaitingListScreening.Verdict.TRANSFER_CANDIDATE,
                WaitingListScreening.Reason.SHORTER_WAIT_ELSEWHERE_LIKELY, coordinator("coordinator-a", CURRENT),
                policy, CLOCK)).screening();
        assertThat(open.confirm(coordinator("coordinator-c", "0" + CURRENT), policy, CLOCK))
                .isInstanceOf(WaitingListScreening.Refused.class);
    }

    // ---- item 3: a rejection needs four eyes

    @Test
    void a_first_rejection_is_pending_and_the_proposal_stays_in_screening() {
        Proposal.Outcome rejected = proposal(CURRENT, RECEIVING).reject(coordinator("coordinator-a", CURRENT),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK);
        assertThat(after(rejected).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(((Proposal.Changed) rejected).events()).noneMatch(e -> e.payload() instanceof TransferEnded);
    }

    @Test
    void a_rejection_confirmed_by_a_second_coordinator_of_another_organisation_ends_the_proposal() {
        Proposal pending = after(proposal(CURRENT, RECEIVING).reject(coordinator("coordinator-a", CURRENT),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK));
        Proposal.Outcome confirmed = pending.reject(coordinator("coordinator-b", THIRD),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK);
        assertThat(after(confirmed).state()).isEqualTo(ProposalState.REJECTED);
        assertThat(((Proposal.Changed) confirmed).events()).anyMatch(e -> e.payload() instanceof TransferEnded);
    }

    @Test
    void the_current_providers_coordinators_cannot_reject_a_transfer_away_from_it_on_their_own() {
        Proposal pending = after(proposal(CURRENT, RECEIVING).reject(coordinator("coordinator-a", CURRENT),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK));
        assertThat(refusalCode(pending.reject(coordinator("coordinator-c", CURRENT),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK)))
                .isEqualTo("four-eyes-organisation");
        assertThat(refusalCode(pending.reject(coordinator("coordinator-a", CURRENT),
                ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK)))
                .isEqualTo("already-rejected");
    }

    // ---- item 4: the receiving organisation may not screen alone

    @Test
    void two_coordinators_of_the_receiving_provider_cannot_approve_a_transfer_of_an_unplaced_client_into_it() {
        Proposal once = after(proposal(null, RECEIVING).approve(coordinator("coordinator-r1", RECEIVING), policy, CLOCK));
        assertThat(refusalCode(once.approve(coordinator("coordinator-r2", "0" + RECEIVING), policy, CLOCK)))
                .isEqualTo("four-eyes-receiving-organisation");
    }

    @Test
    void the_receiving_and_the_current_providers_coordinators_together_suffice() {
        Proposal once = after(proposal(CURRENT, RECEIVING).approve(coordinator("coordinator-r", RECEIVING), policy, CLOCK));
        assertThat(after(once.approve(coordinator("coordinator-c", CURRENT), policy, CLOCK)).state())
                .isEqualTo(ProposalState.APPROVED);
    }

    @Test
    void organisation_codes_compare_normalised() {
        assertThat(OrganisationCode.same("022000001", "22000001")).isTrue();
        assertThat(OrganisationCode.same(" cos-rdam ", "COS-RDAM")).isTrue();
        assertThat(OrganisationCode.same(null, null)).isFalse();
        assertThat(OrganisationCode.same("22000001", "22000002")).isFalse();
        assertThat(OrganisationCode.of("")).isNull();
    }
}
