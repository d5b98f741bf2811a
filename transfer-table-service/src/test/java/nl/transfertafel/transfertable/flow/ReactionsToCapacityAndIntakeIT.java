package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.transfertable.proposal.application.ReactionsToCapacityAndIntake;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * What the table does when intake or capacity changed something its proposals depend on, one reaction at a
 * time, each in a transaction as the consumer runs it, and each told twice (a redelivery, or a second event
 * saying the same): the second time finds nothing left to do.
 */
class ReactionsToCapacityAndIntakeIT extends ProposalScenarios {

    @Autowired
    ReactionsToCapacityAndIntake reactions;
    @Autowired
    TransactionalOperator tx;

    private void inTransaction(Mono<Void> reaction) {
        tx.transactional(reaction).block(WAIT);
    }

    @Test
    void a_client_who_left_the_waiting_list_has_the_open_proposal_withdrawn_once() {
        String referral = id("ref-left");
        String proposal = proposed("groningen", referral, id("line-left"), 1);

        inTransaction(reactions.clientLeftWaitingList("groningen", referral));
        inTransaction(reactions.clientLeftWaitingList("groningen", referral));

        assertThat(stateOf(proposal)).isEqualTo("WITHDRAWN");
        assertThat(text("select end_outcome from proposal where proposal_id = :v", proposal))
                .isEqualTo("CLIENT_LEFT_WAITING_LIST");
        assertThat(outboxed("TransferEnded", proposal)).as("ended once").isEqualTo(1);
    }

    @Test
    void a_line_that_closed_lapses_the_proposal_holding_a_place_on_it() {
        String line = id("line-closed");
        String proposal = proposed("noord-holland-noord", id("ref-closed"), line, 1);

        inTransaction(reactions.capacityLineGone(line));
        inTransaction(reactions.capacityLineGone(line));

        assertThat(stateOf(proposal)).isEqualTo("LAPSED");
        assertThat(text("select end_outcome from proposal where proposal_id = :v", proposal)).isEqualTo("PLACE_GONE");
        assertThat(outboxed("TransferEnded", proposal)).isEqualTo(1);
    }

    @Test
    void a_line_that_closed_leaves_an_offer_alone_whose_place_is_reserved() {
        String line = id("line-reserved");
        String region = "kennemerland";
        String proposal = proposed(region, id("ref-reserved"), line, 1);
        assertThat(twoApprovals(region, proposal)).isEqualTo("OFFERED");

        inTransaction(reactions.capacityLineGone(line));

        // the reservation holds the place; capacity-service says when it ends (ReservationChanged)
        assertThat(stateOf(proposal)).isEqualTo("OFFERED");
        assertThat(outboxed("TransferEnded", proposal)).isZero();
    }

    @Test
    void an_offer_whose_reservation_capacity_ended_expires_once_and_names_the_reservation() {
        String region = "amstelland-meerlanden";
        String proposal = proposed(region, id("ref-res-ended"), id("line-res-ended"), 1);
        assertThat(twoApprovals(region, proposal)).isEqualTo("OFFERED");
        String reservation = text("select reservation_id from proposal where proposal_id = :v", proposal);
        assertThat(reservation).isEqualTo(FakeCapacityService.instance().reservationOf(proposal));

        inTransaction(reactions.reservationEnded(reservation));
        inTransaction(reactions.reservationEnded(reservation));

        assertThat(stateOf(proposal)).isEqualTo("EXPIRED");
        assertThat(outboxed("TransferEnded", proposal)).isEqualTo(1);
        TransferEnded ended = onKafka(typeFor(TransferEnded.class, proposal)).get(0).payloadAs(TransferEnded.class);
        assertThat(ended.outcome()).isEqualTo(TransferEnded.Outcome.OFFER_EXPIRED);
        assertThat(ended.reservationId()).isEqualTo(reservation);
    }

    @Test
    void a_reservation_that_ended_before_any_offer_changes_nothing() {
        String proposal = proposed("zuid-holland-noord", id("ref-no-offer"), id("line-no-offer"), 1);

        inTransaction(reactions.reservationEnded("res-" + proposal));

        assertThat(stateOf(proposal)).isEqualTo("PROPOSED");
        assertThat(outboxed("TransferEnded", proposal)).isZero();
    }

    @Test
    void a_reservation_held_for_a_proposal_whose_reply_was_lost_is_recorded_and_the_first_one_stays() {
        String region = "haaglanden";
        String line = id("line-lost-reply");
        String proposal = proposed(region, id("ref-lost-reply"), line, 1);
        FakeCapacityService.instance().loseReplies(line);
        assertThat(twoApprovals(region, proposal)).as("no answer: stays approved, retried later").isEqualTo("APPROVED");
        String made = FakeCapacityService.instance().reservationOf(proposal);
        assertThat(made).isNotNull();
        assertThat(text("select reservation_id from proposal where proposal_id = :v", proposal)).isNull();

        inTransaction(reactions.reservationHeld(proposal, made));
        inTransaction(reactions.reservationHeld(proposal, "res-some-other"));

        assertThat(text("select reservation_id from proposal where proposal_id = :v", proposal)).isEqualTo(made);
    }

    @Test
    void a_contract_that_allows_transfers_again_lifts_only_its_own_blocks_and_only_once() {
        String referral = id("ref-block");
        block(referral, "22710001");
        block(referral, "22710002");
        Instant before = clock.instant().minusMillis(1);

        inTransaction(reactions.contractAllows("3311", "22710001"));
        Instant after = clock.instant().plusMillis(1);
        clock.advance(Duration.ofMinutes(5));
        inTransaction(reactions.contractAllows("3311", "22710001"));

        assertThat(liftedAt(referral, "22710001")).as("lifted at the first telling").isBetween(before, after);
        assertThat(liftedAt(referral, "22710002")).as("another provider's block stays").isNull();
    }

    @Test
    void a_line_withdrawn_twice_over_kafka_ends_the_proposal_once() {
        String region = "delft-westland-oostland";
        String line = id("line-withdrawn");
        String proposal = proposed(region, id("ref-withdrawn"), line, 1);
        CapacityLineChanged withdrawn = new CapacityLineChanged(line, RECEIVING, 1, 0, LocalDate.now(),
                LocalDate.now().plusDays(60), CapacityLineChanged.State.WITHDRAWN, CapacityLineChanged.Change.WITHDRAWN,
                null, 2);
        EventEnvelope sent = EVENTS.publish(region, line, withdrawn);
        EVENTS.send(sent); // the broker delivers it again
        EVENTS.publish(region, line, new CapacityLineChanged(line, RECEIVING, 1, 0, LocalDate.now(),
                LocalDate.now().plusDays(60), CapacityLineChanged.State.WITHDRAWN, CapacityLineChanged.Change.WITHDRAWN,
                null, 3)); // capacity says it again, as a new event

        await().atMost(WAIT).untilAsserted(() -> assertThat(stateOf(proposal)).isEqualTo("LAPSED"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from capacity_line where capacity_line_id = :v and line_version >= 3", line)).isEqualTo(1));
        assertThat(outboxed("TransferEnded", proposal)).isEqualTo(1);
    }

    private void block(String referral, String provider) {
        db.sql("""
                        insert into transfer_block (referral_id, provider_agb, reason, region, client_pseudonym,
                            insurer_uzovi, capacity_line_id, current_provider_agb, first_blocked_at)
                        values (:referral, :provider, 'NOT_CONTRACTED', 'utrecht', 'pseudonym_block_0123456789', '3311',
                            :line, null, :now)""")
                .bind("referral", referral)
                .bind("provider", provider)
                .bind("line", "line-" + provider)
                .bind("now", clock.instant())
                .then().block();
    }

    private Instant liftedAt(String referral, String provider) {
        return db.sql("select lifted_at from transfer_block where referral_id = :r and provider_agb = :p")
                .bind("r", referral)
                .bind("p", provider)
                .map(row -> java.util.Optional.ofNullable(row.get("lifted_at", java.time.OffsetDateTime.class)))
                .one().block()
                .map(java.time.OffsetDateTime::toInstant).orElse(null);
    }
}
