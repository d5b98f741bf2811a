package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 6 on the real engines: a client supporter lists, reads and answers only the offers
 * of clients whose referral names the supporter's organisation (ClientSupportChanged from intake),
 * compared normalised; every such read is audited; anyone else gets 404 as for any invisible offer.
 */
class ClientSupportAccessIT extends FlowScenarios {

    @Test
    void a_supporter_of_another_organisation_does_not_see_or_answer_the_offer() {
        String region = "h-support-only-" + Long.toHexString(System.nanoTime());
        String referral = id("ref-support-only");
        String line = id("line-support-only");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, referral, World.entry(referral, "22000001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(45), 1));
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(45)));
        EVENTS.publish(region, referral, new ClientSupportChanged(referral, World.pseudonym(referral), "cos-noord"));
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

        String named = Api.token("supporter-noord", "CLIENT_SUPPORT", "COS-NOORD ", region);
        String other = Api.token("supporter-zuid", "CLIENT_SUPPORT", "COS-ZUID", region);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.json(api.get(named, "/api/v1/offers"), 200).toString()).contains(proposal[0]));
        assertThat(api.json(api.get(other, "/api/v1/offers"), 200).toString()).doesNotContain(proposal[0]);
        api.json(api.get(other, "/api/v1/offers/" + proposal[0]), 404);
        api.json(api.post(other, "/api/v1/offers/" + proposal[0] + "/client-response", body("accepted", true)), 404);
        api.json(api.get(named, "/api/v1/offers/" + proposal[0]), 200);
        assertThat(count("select count(*) from audit_log where subject_pseudonym = :v and actor = 'supporter-noord'",
                World.pseudonym(referral))).as("each read by the supporter is audited").isGreaterThanOrEqualTo(2);
        assertThat(api.json(api.post(named, "/api/v1/offers/" + proposal[0] + "/client-response",
                body("accepted", true)), 200).path("state").asText()).isEqualTo("ACCEPTED_BY_CLIENT");
    }
}
