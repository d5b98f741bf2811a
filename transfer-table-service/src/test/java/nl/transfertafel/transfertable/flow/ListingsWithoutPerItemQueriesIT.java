package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.StatementCounter;
import nl.transfertafel.transfertable.support.World;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10: the coordinators' screening queue and the GP's and the provider's offer lists send the same number of
 * statements for 1 item as for 30 (before: one query per item for its approvals, its client, and what the
 * caller may see of it). Counted with r2dbc-proxy on the real PostgreSQL ({@link StatementCounter}); the least of
 * three tries, because the relay and the consumers share the pool.
 */
class ListingsWithoutPerItemQueriesIT extends FlowScenarios {

    private static final int MANY = 30;
    /** Statements about what a listing reads; the outbox relay's polling is not counted. */
    private static final Predicate<String> LISTING_TABLES = Pattern.compile(
            "\\b(proposal|proposal_approval|waiting_client|client_support|referrer_link|capacity_line|provider_profile)\\b")
            .asPredicate().and(sql -> !sql.contains("outbox"));

    private final String region = "listing-" + UUID.randomUUID().toString().substring(0, 8);
    /** A practice and a provider of this test alone: their lists hold only this test's proposals. */
    private final String gp = "0" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));
    private final String provider = "2" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_000_000));

    private void waitingClients(int from, int to) {
        for (int i = from; i < to; i++) {
            String referral = region + "-ref-" + i;
            EVENTS.publish(region, referral, World.entry(referral, "22700001", WaitingEntryChanged.Stage.WAITING,
                    today().minusDays(40 + i), 1, gp));
            EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(40 + i),
                    gp));
        }
    }

    private void awaitProposals(int n) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where region = :v and state = 'PROPOSED'", region)).isEqualTo(n));
    }

    /** Offered, as after two approvals and a reservation (the listing's statements do not depend on how). */
    private void offerAll() {
        db.sql("update proposal set state = 'OFFERED', reservation_id = 'res-' || proposal_id,"
                        + " offer_expires_at = now() + interval '5 days' where region = :v")
                .bind("v", region).fetch().rowsUpdated().block();
    }

    /** Statements the listing sent (the least of three tries) and that it listed {@code items}. */
    private static int statements(Supplier<JsonNode> listing, int items) {
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            JsonNode[] listed = new JsonNode[1];
            least = Math.min(least, StatementCounter.during(() -> listed[0] = listing.get(), LISTING_TABLES));
            assertThat(listed[0]).as("what the listing answered").hasSize(items);
        }
        return least;
    }

    @Test
    void the_screening_queue_and_the_offer_lists_send_as_many_statements_for_thirty_items_as_for_one() {
        String coordinator = token("coordinator-" + region, "COORDINATOR", "22790001", region);
        String practice = token("gp-" + region, "GP", gp, region);
        String receiving = token("provider-" + region, "PROVIDER", provider, region);
        Supplier<JsonNode> queue = () -> api.queue(coordinator);
        Supplier<JsonNode> gpOffers = () -> api.json(api.get(practice, "/api/v1/offers"), 200);
        Supplier<JsonNode> providerOffers = () -> api.json(api.get(receiving, "/api/v1/offers"), 200);

        String line = region + "-line";
        FakeCapacityService.instance().places(line, MANY);
        EVENTS.publish(region, provider, World.contract(provider, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, provider, "3012", MANY));
        waitingClients(0, 1);
        awaitProposals(1);
        int queueOne = statements(queue, 1);

        waitingClients(1, MANY);
        awaitProposals(MANY);
        int queueMany = statements(queue, MANY);

        offerAll();
        int gpMany = statements(gpOffers, MANY);
        int providerMany = statements(providerOffers, MANY);
        db.sql("update proposal set state = 'DECLINED' where region = :v and referral_id <> :first")
                .bind("v", region).bind("first", region + "-ref-0").fetch().rowsUpdated().block();
        int gpOne = statements(gpOffers, 1);
        int providerOne = statements(providerOffers, 1);

        // the figures, for the closing note of issue 10
        System.out.printf("listing statements (1 item / %d items): screening queue %d / %d, GP offers %d / %d,"
                + " provider offers %d / %d%n", MANY, queueOne, queueMany, gpOne, gpMany, providerOne, providerMany);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(queueMany).as("screening queue: statements for %d items vs %d for one", MANY, queueOne)
                    .isEqualTo(queueOne);
            softly.assertThat(gpMany).as("GP's offers: statements for %d items vs %d for one", MANY, gpOne)
                    .isEqualTo(gpOne);
            softly.assertThat(providerMany).as("provider's offers: statements for %d items vs %d for one", MANY,
                    providerOne).isEqualTo(providerOne);
        });
    }
}
