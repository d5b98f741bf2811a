package nl.transfertafel.transfertable.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.OfferResponded;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.screening.domain.Screener;
import org.junit.jupiter.api.Test;

/** The proposal aggregate: each command checks the lifecycle and the four-eyes policy and returns its events. */
class ProposalTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Screener A = new Screener("coordinator-a", Set.of("COORDINATOR"), "22000001", "rotterdam");
    private static final Screener B = new Screener("coordinator-b", Set.of("COORDINATOR"), "22000002", "rotterdam");
    private final FourEyesPolicy policy = new FourEyesPolicy();

    static Proposal proposed(TransferProposed.Origin origin, String proposedBy) {
        return Proposal.propose(new Proposal.New("rotterdam", "r-1", "pseudonym_0123456789abcdef", "line-1", "22000002",
                "22000001", "01000001", "3311", origin, proposedBy, proposedBy == null ? null : "22000002",
                DiagnosisGroup.DEPRESSION, Urgency.REGULAR,
                new Explanation("regular", null, List.of(), List.of(), null), Instant.parse("2026-11-23T09:59:00Z")),
                CLOCK).proposal();
    }

    private static Proposal changed(Proposal.Outcome outcome) {
        assertThat(outcome).isInstanceOf(Proposal.Changed.class);
        return ((Proposal.Changed) outcome).proposal();
    }

    private static List<EventPayload> payloads(Proposal.Outcome outcome) {
        return ((Proposal.Changed) outcome).events().stream().map(NewEvent::payload).toList();
    }

    @Test
    void a_proposal_announces_itself() {
        Proposal.Changed made = Proposal.propose(new Proposal.New("rotterdam", "r-1", "pseudonym_0123456789abcdef",
                "line-1", "22000002", null, "01000001", "3311", TransferProposed.Origin.ENGINE, null, null,
                DiagnosisGroup.ANXIETY, Urgency.URGENT, null, null), CLOCK);
        assertThat(made.proposal().state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(made.events()).singleElement().satisfies(e -> {
            assertThat(e.payload()).isInstanceOf(TransferProposed.class);
            assertThat(e.aggregateId()).isEqualTo(made.proposal().proposalId());
            assertThat(e.occurredAt()).isEqualTo(CLOCK.instant());
        });
    }

    @Test
    void two_approvals_make_it_approved_and_each_is_screened_publicly() {
        Proposal p = proposed(TransferProposed.Origin.ENGINE, null);
        Proposal.Outcome first = p.approve(A, policy, CLOCK);
        assertThat(changed(first).state()).isEqualTo(ProposalState.SCREENED_ONCE);
        assertThat(payloads(first)).singleElement().isInstanceOfSatisfying(ProposalScreened.class, s -> {
            assertThat(s.decision()).isEqualTo(ProposalScreened.Decision.APPROVED);
            assertThat(s.approvals()).isEqualTo(1);
            assertThat(s.coordinatorOrganisation()).isEqualTo("22000001");
        });
        Proposal.Outcome second = changed(first).approve(B, policy, CLOCK);
        assertThat(changed(second).state()).isEqualTo(ProposalState.APPROVED);
        assertThat(changed(second).approvals()).extracting(a -> a.userId()).containsExactly("coordinator-a", "coordinator-b");
    }

    @Test
    void coordinator_cannot_approve_own_proposal() {
        Proposal manual = proposed(TransferProposed.Origin.MANUAL, "coordinator-b");
        assertThat(manual.approve(B, policy, CLOCK)).isInstanceOf(Proposal.Refused.class);
    }

    @Test
    void approving_an_offered_proposal_is_an_illegal_move() {
        Proposal offered = changed(changed(changed(proposed(TransferProposed.Origin.ENGINE, null).approve(A, policy, CLOCK))
                .approve(B, policy, CLOCK)).offer("res-1", CLOCK.instant().plusSeconds(3600), CLOCK));
        Screener c = new Screener("coordinator-c", Set.of("COORDINATOR"), "22000003", "rotterdam");
        assertThat(offered.approve(c, policy, CLOCK)).isInstanceOfSatisfying(Proposal.Illegal.class,
                i -> assertThat(i.transition().message()).contains("OFFERED").contains("APPROVE"));
    }

    @Test
    void a_confirmed_rejection_ends_the_proposal_with_its_coded_reason() {
        Proposal.Outcome pending = proposed(TransferProposed.Origin.ENGINE, null)
                .reject(A, ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK);
        assertThat(changed(pending).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(changed(pending).pendingRejection().userId()).isEqualTo("coordinator-a");
        assertThat(payloads(pending)).isEmpty();
        Proposal.Outcome rejected = changed(pending)
                .reject(B, ProposalScreened.RejectionReason.OTHER, policy, CLOCK);
        assertThat(changed(rejected).state()).isEqualTo(ProposalState.REJECTED);
        assertThat(changed(rejected).rejectionReason()).as("the first coordinator's reason")
                .isEqualTo(ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED);
        assertThat(payloads(rejected)).hasSize(2).last().isInstanceOfSatisfying(TransferEnded.class,
                e -> assertThat(e.outcome()).isEqualTo(TransferEnded.Outcome.REJECTED_IN_SCREENING));
        assertThat(proposed(TransferProposed.Origin.ENGINE, null).reject(A, null, policy, CLOCK))
                .isInstanceOf(Proposal.Refused.class);
    }

    @Test
    void an_approval_after_a_pending_rejection_withdraws_it_and_counts_as_an_approval() {
        Proposal pending = changed(proposed(TransferProposed.Origin.ENGINE, null)
                .reject(A, ProposalScreened.RejectionReason.CLIENT_SITUATION_CHANGED, policy, CLOCK));
        Proposal.Outcome approved = pending.approve(B, policy, CLOCK);
        assertThat(changed(approved).state()).isEqualTo(ProposalState.SCREENED_ONCE);
        assertThat(changed(approved).pendingRejection()).isNull();
        assertThat(changed(approved).rejectionReason()).isNull();
        assertThat(((Proposal.Changed) approved).reason()).contains("pending rejection by coordinator-a is withdrawn");
    }

    private Proposal offered() {
        Proposal approved = changed(changed(proposed(TransferProposed.Origin.ENGINE, null).approve(A, policy, CLOCK))
                .approve(B, policy, CLOCK));
        Proposal.Outcome offer = approved.offer("res-1", Instant.parse("2026-11-28T10:00:00Z"), CLOCK);
        assertThat(payloads(offer)).singleElement().isInstanceOfSatisfying(TransferOffered.class, o -> {
            assertThat(o.reservationId()).isEqualTo("res-1");
            assertThat(o.offerExpiresAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        });
        return changed(offer);
    }

    @Test
    void both_accepting_completes_the_transfer_with_the_handover_contact() {
        Proposal.Outcome provider = offered().answerAsProvider(true, null, "Intake desk, 010-1234567", CLOCK);
        assertThat(changed(provider).state()).isEqualTo(ProposalState.ACCEPTED_BY_PROVIDER);
        Proposal.Outcome client = changed(provider).answerForClient(true, null, CLOCK);
        assertThat(changed(client).state()).isEqualTo(ProposalState.COMPLETED);
        assertThat(payloads(client)).hasSize(2);
        assertThat(payloads(client).get(0)).isInstanceOfSatisfying(OfferResponded.class,
                r -> assertThat(r.party()).isEqualTo(OfferResponded.Party.CLIENT));
        assertThat(payloads(client).get(1)).isInstanceOfSatisfying(TransferCompleted.class, c -> {
            assertThat(c.handoverContact()).isEqualTo("Intake desk, 010-1234567");
            assertThat(c.previousProviderAgb()).isEqualTo("22000001");
            assertThat(c.receivingProviderAgb()).isEqualTo("22000002");
            assertThat(c.reservationId()).isEqualTo("res-1");
            assertThat(c.completedOn()).isEqualTo(LocalDate.of(2026, 11, 23));
        });
    }

    @Test
    void the_client_may_accept_first() {
        Proposal client = changed(offered().answerForClient(true, null, CLOCK));
        assertThat(client.state()).isEqualTo(ProposalState.ACCEPTED_BY_CLIENT);
        Proposal.Outcome provider = client.answerAsProvider(true, null, "Mw. de Vries, intake", CLOCK);
        assertThat(payloads(provider)).last().isInstanceOfSatisfying(TransferCompleted.class,
                c -> assertThat(c.handoverContact()).isEqualTo("Mw. de Vries, intake"));
    }

    @Test
    void a_decline_ends_the_offer_and_names_the_reservation_to_release() {
        Proposal.Outcome declined = offered().answerAsProvider(false, DeclineReason.NOT_SUITABLE_FOR_OUR_CARE, null, CLOCK);
        assertThat(changed(declined).state()).isEqualTo(ProposalState.DECLINED);
        assertThat(payloads(declined)).last().isInstanceOfSatisfying(TransferEnded.class, e -> {
            assertThat(e.outcome()).isEqualTo(TransferEnded.Outcome.DECLINED_BY_PROVIDER);
            assertThat(e.declineReason()).isEqualTo(DeclineReason.NOT_SUITABLE_FOR_OUR_CARE);
            assertThat(e.reservationId()).isEqualTo("res-1");
        });
    }

    @Test
    void expiry_lapse_and_withdrawal_end_with_their_outcome() {
        assertThat(payloads(offered().expire(CLOCK))).last().isInstanceOfSatisfying(TransferEnded.class,
                e -> assertThat(e.outcome()).isEqualTo(TransferEnded.Outcome.OFFER_EXPIRED));
        Proposal approved = changed(changed(proposed(TransferProposed.Origin.ENGINE, null).approve(A, policy, CLOCK))
                .approve(B, policy, CLOCK));
        assertThat(payloads(approved.lapse(CLOCK))).last().isInstanceOfSatisfying(TransferEnded.class,
                e -> assertThat(e.outcome()).isEqualTo(TransferEnded.Outcome.PLACE_GONE));
        assertThat(payloads(proposed(TransferProposed.Origin.ENGINE, null).withdraw(CLOCK))).last()
                .isInstanceOfSatisfying(TransferEnded.class,
                        e -> assertThat(e.outcome()).isEqualTo(TransferEnded.Outcome.CLIENT_LEFT_WAITING_LIST));
        assertThat(changed(offered().expire(CLOCK)).expire(CLOCK)).isInstanceOf(Proposal.Illegal.class);
    }
}
