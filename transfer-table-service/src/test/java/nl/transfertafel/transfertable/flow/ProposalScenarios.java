package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;

/**
 * Flow scenarios that start from one proposal the engine made: a waiting client, a contracted line with free
 * places, and the proposal's id; then two coordinators' approvals and what the tables say about it.
 */
abstract class ProposalScenarios extends FlowScenarios {

    /** The receiving provider's AGB in {@link #proposed}; the current provider is {@code 22700001}. */
    static final String RECEIVING = "22700002";

    /** A client waiting at {@code 22700001} and a contracted line of {@link #RECEIVING}; the engine's proposal id. */
    String proposed(String region, String referral, String line, int places) {
        FakeCapacityService.instance().places(line, places);
        EVENTS.publish(region, referral, World.entry(referral, "22700001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(40), 1));
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(40)));
        EVENTS.publish(region, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, RECEIVING, "3012", places));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", referral)).isEqualTo(1));
        return text("select proposal_id from proposal where referral_id = :v", referral);
    }

    /** Two coordinators of the region, of two other organisations, approve; the state afterwards. */
    String twoApprovals(String region, String proposal) {
        api.json(api.post(token("coordinator-1-" + region, "COORDINATOR", "22790001", region),
                "/api/v1/proposals/" + proposal + "/approve", null), 200);
        return api.json(api.post(token("coordinator-2-" + region, "COORDINATOR", "22790002", region),
                "/api/v1/proposals/" + proposal + "/approve", null), 200).path("state").asText();
    }

    String stateOf(String proposal) {
        return text("select state from proposal where proposal_id = :v", proposal);
    }

    /** The one text value the query selects; null when it is SQL null. */
    String text(String sql, String value) {
        return db.sql(sql).bind("v", value).map(row -> java.util.Optional.ofNullable(row.get(0, String.class)))
                .one().block().orElse(null);
    }

    /** Events of this type the table committed to its outbox about the proposal (or referral): exactly-once at the source. */
    long outboxed(String eventType, String id) {
        return db.sql("select count(*) from outbox where event_type = :type and envelope like :id")
                .bind("type", eventType)
                .bind("id", "%" + id + "%")
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
