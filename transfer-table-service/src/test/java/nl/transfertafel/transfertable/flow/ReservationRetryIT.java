package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reservation retry job (part of {@code TransferTableJobs.runOnce}): an approved proposal whose place could
 * not be reserved (capacity-service did not answer) stays APPROVED and is tried again on every run, until
 * capacity-service answers: then it is offered once, or lapses when the place is gone meanwhile.
 */
class ReservationRetryIT extends ProposalScenarios {

    @Autowired
    OfferService offers;

    private String approvedWhileCapacityIsDown(String region, String line) {
        String proposal = proposed(region, id("ref-retry"), line, 1);
        FakeCapacityService.instance().down(true);
        try {
            assertThat(twoApprovals(region, proposal)).isEqualTo("APPROVED");
            offers.retryReservations().block(WAIT);
            assertThat(stateOf(proposal)).as("still down: still approved, nothing lost").isEqualTo("APPROVED");
        } finally {
            FakeCapacityService.instance().down(false);
        }
        return proposal;
    }

    @Test
    void an_approved_proposal_is_offered_by_the_first_run_after_capacity_answers_and_only_once() {
        String proposal = approvedWhileCapacityIsDown("t-gooi", id("line-retry"));

        assertThat(offers.retryReservations().block(WAIT)).isPositive();
        assertThat(stateOf(proposal)).isEqualTo("OFFERED");
        assertThat(text("select reservation_id from proposal where proposal_id = :v", proposal))
                .isEqualTo(FakeCapacityService.instance().reservationOf(proposal));
        assertThat(text("select offer_expires_at::text from proposal where proposal_id = :v", proposal)).isNotNull();

        offers.retryReservations().block(WAIT);
        assertThat(stateOf(proposal)).isEqualTo("OFFERED");
        assertThat(outboxed("TransferOffered", proposal)).as("offered once").isEqualTo(1);
        assertThat(FakeCapacityService.instance().idempotencyKeyOf(proposal)).as("retries carry a key").isNotBlank();
    }

    @Test
    void a_place_taken_while_capacity_was_down_lapses_the_proposal_at_the_retry() {
        String line = id("line-retry-gone");
        String proposal = approvedWhileCapacityIsDown("zaanstreek-waterland", line);
        FakeCapacityService.instance().places(line, 0); // someone else reserved the last place meanwhile

        offers.retryReservations().block(WAIT);

        assertThat(stateOf(proposal)).isEqualTo("LAPSED");
        assertThat(text("select end_outcome from proposal where proposal_id = :v", proposal)).isEqualTo("PLACE_GONE");
        assertThat(outboxed("TransferEnded", proposal)).isEqualTo(1);
        assertThat(outboxed("TransferOffered", proposal)).isZero();
    }
}
