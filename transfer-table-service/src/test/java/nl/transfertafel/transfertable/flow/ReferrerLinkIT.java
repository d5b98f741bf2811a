package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 7 on the real engines: a provider onboarding its list names a GP practice as the
 * referrer, and intake announces that link unconfirmed (ReferrerLinkChanged). Until the practice
 * confirms it, its GPs do not list, read or answer the client's offers (404 as for any invisible
 * offer); once intake announces the confirmation they can.
 */
class ReferrerLinkIT extends FlowScenarios {

    @Test
    void the_practice_named_by_onboarding_sees_and_answers_the_offer_only_after_it_confirmed_the_link() {
        String region = "h-referrer-" + Long.toHexString(System.nanoTime());
        String referral = id("ref-onboarded");
        String line = id("line-onboarded");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, referral, World.entry(referral, "22000001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(45), 1));
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(45)));
        EVENTS.publish(region, referral, new ReferrerLinkChanged(referral, World.pseudonym(referral), World.GP, false));
        EVENTS.publish(region, "22000002", World.contract("22000002", true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, "22000002", "3012", 1));
        String[] proposal = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> ids = db.sql("select proposal_id from proposal where referral_id = :v").bind("v", referral)
                    .map(row -> row.get(0, String.class)).all().collectList().block();
            assertThat(ids).isNotEmpty();
            proposal[0] = ids.get(0);
        });
        api.json(api.post(Api.token("coordinator-r", "COORDINATOR", "22000002", region),
                "/api/v1/proposals/" + proposal[0] + "/approve", null), 200);
        assertThat(api.json(api.post(Api.token("coordinator-c", "COORDINATOR", "22000001", region),
                "/api/v1/proposals/" + proposal[0] + "/approve", null), 200).path("state").asText()).isEqualTo("OFFERED");
        String offer = "/api/v1/offers/" + proposal[0];
        String namedGp = Api.token("gp-named", "GP", World.GP, region);
        // the receiving provider sees it: the offer is there, only the unconfirmed practice is kept out
        assertThat(api.json(api.get(Api.token("provider-r", "PROVIDER", "22000002", region), "/api/v1/offers"), 200)
                .toString()).contains(proposal[0]);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                count("select count(*) from referrer_link where referral_id = :v and not confirmed", referral))
                .isEqualTo(1));
        assertThat(api.json(api.get(namedGp, "/api/v1/offers"), 200).toString()).doesNotContain(proposal[0]);
        api.json(api.get(namedGp, offer), 404);
        api.json(api.post(namedGp, offer + "/client-response", body("accepted", true)), 404);
        assertThat(count("select count(*) from offer_answer where proposal_id = :v", proposal[0]))
                .as("nothing was answered").isZero();

        EVENTS.publish(region, referral, new ReferrerLinkChanged(referral, World.pseudonym(referral), World.GP, true));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.json(api.get(namedGp, "/api/v1/offers"), 200).toString()).contains(proposal[0]));
        api.json(api.get(namedGp, offer), 200);
        api.json(api.get(Api.token("gp-other", "GP", "01000002", region), offer), 404);
        assertThat(api.json(api.post(namedGp, offer + "/client-response", body("accepted", true)), 200)
                .path("state").asText()).isEqualTo("ACCEPTED_BY_CLIENT");
    }
}
