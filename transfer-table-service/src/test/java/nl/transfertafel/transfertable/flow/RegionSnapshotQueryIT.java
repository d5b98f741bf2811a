package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.RegionSnapshot;
import nl.transfertafel.transfertable.readmodel.domain.ContractTerms;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The round's snapshot (matching's {@link RegionSnapshots}) read on the real database: what the read model
 * holds and what the table's own proposals and screenings say, each fact typed, read inside a transaction as
 * a round reads it. One region, moved through a proposal's life by hand.
 */
class RegionSnapshotQueryIT extends ProposalScenarios {

    @Autowired
    RegionSnapshots snapshots;
    @Autowired
    TransactionalOperator tx;

    private RegionSnapshot read(String region, Instant refusedSince) {
        return tx.transactional(snapshots.read(region, refusedSince)).block(WAIT);
    }

    @Test
    void the_snapshot_follows_a_proposal_from_open_to_refused_to_transferred() {
        String region = "midden-holland";
        String referral = id("ref-snap");
        String line = id("line-snap");
        String proposal = proposed(region, referral, line, 2);
        // the same person, registered a second time (another referral, same pseudonym): one person, one place
        String again = id("ref-snap-again");
        db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            recorded_at, updated_at)
                        values (:id, :region, :pseudonym, '01000001', true, now(), now())""")
                .bind("id", again).bind("region", region).bind("pseudonym", World.pseudonym(referral))
                .then().block();
        Instant now = clock.instant();

        RegionSnapshot open = read(region, now.minus(Duration.ofDays(90)));
        assertThat(open.region()).isEqualTo(region);
        assertThat(open.clients()).extracting(c -> c.referralId()).contains(referral);
        assertThat(open.lines()).extracting(l -> l.capacityLineId()).containsExactly(line);
        assertThat(open.contracts()).containsKey(ContractTerms.key(World.INSURER, RECEIVING));
        assertThat(open.inOpenProposal()).as("every referral of the person").contains(referral, again);
        assertThat(open.placesHeld()).containsEntry(line, 1);
        assertThat(open.refusedPairs()).isEmpty();
        assertThat(open.transferred()).isEmpty();
        assertThat(open.markedUnsuitable()).isEmpty();

        db.sql("update proposal set state = 'DECLINED', updated_at = :at where proposal_id = :id")
                .bind("at", now).bind("id", proposal).then().block();
        RegionSnapshot declined = read(region, now.minus(Duration.ofMinutes(1)));
        assertThat(declined.refusedPairs()).containsExactly(referral + "|" + RECEIVING);
        assertThat(declined.inOpenProposal()).isEmpty();
        assertThat(declined.placesHeld()).doesNotContainKey(line);
        assertThat(read(region, now.plus(Duration.ofMinutes(1))).refusedPairs())
                .as("a refusal before the cool-down began no longer counts").isEmpty();

        db.sql("update proposal set state = 'COMPLETED' where proposal_id = :id").bind("id", proposal).then().block();
        assertThat(read(region, now).transferred()).as("every referral of the person").contains(referral, again);
    }

    @Test
    void a_client_two_coordinators_confirmed_unsuitable_is_in_the_snapshot_as_such_and_the_latest_decision_counts() {
        String region = "zuid-hollandse-eilanden";
        String referral = id("ref-unsuitable");
        proposed(region, referral, id("line-unsuitable"), 1);
        screening(region, referral, "NOT_SUITABLE_FOR_TRANSFER", clock.instant().minus(Duration.ofDays(2)));

        assertThat(read(region, clock.instant()).markedUnsuitable()).containsExactly(referral);

        screening(region, referral, "TRANSFER_CANDIDATE", clock.instant().minus(Duration.ofDays(1)));
        assertThat(read(region, clock.instant()).markedUnsuitable()).as("a later confirmed screening says suitable")
                .isEmpty();
    }

    private void screening(String region, String referral, String verdict, Instant decidedAt) {
        db.sql("""
                        insert into waiting_list_screening (screening_id, region, referral_id, client_pseudonym, verdict,
                            reason, state, approvals, created_at, decided_at)
                        values (:id, :region, :referral, :pseudonym, :verdict, 'SHORTER_WAIT_ELSEWHERE_LIKELY', 'CONFIRMED', '[]', :at, :at)""")
                .bind("id", id("screening")).bind("region", region).bind("referral", referral)
                .bind("pseudonym", World.pseudonym(referral)).bind("verdict", verdict).bind("at", decidedAt)
                .then().block();
    }
}
