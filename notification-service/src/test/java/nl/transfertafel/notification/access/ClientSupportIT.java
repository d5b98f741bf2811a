package nl.transfertafel.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 item 6, notification's side: a client supporter (CLIENT_SUPPORT) hears of and reads only
 * what concerns clients whose referral names its organisation ({@code ClientSupportChanged}), for as
 * long as it does; its reading is audited.
 */
@NotificationIntegrationTest
class ClientSupportIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void a_client_supporter_hears_of_and_reads_only_the_offers_of_clients_who_named_its_organisation() {
        String support = "cs-" + TestEvents.agb();
        TestEvents named = TestEvents.freshJourney(DemoUsers.REGION);
        TestEvents other = TestEvents.freshJourney(DemoUsers.REGION);
        link(named, support);
        link(other, "cs-" + TestEvents.agb());

        EventEnvelope offered = named.transferOffered();
        EventPublisher.publish(offered);
        EventPublisher.publish(other.transferOffered());
        String user = "supporter-" + support;
        String supporter = Api.userToken(user, "CLIENT_SUPPORT", support, DemoUsers.REGION);

        await().atMost(Duration.ofSeconds(30)).until(() -> total(supporter, "/api/v1/inbox") == 1);
        JsonNode item = api.json(api.get(supporter, "/api/v1/inbox")).get("items").get(0);
        assertThat(item.get("eventId").asText()).isEqualTo(offered.eventId().toString());
        assertThat(item.get("subject").get("id").asText()).isEqualTo(named.proposalId);
        assertThat(item.get("link").asText()).endsWith("/api/v1/offers/" + named.proposalId);
        assertThat(item.get("organisation").asText()).isEqualTo("support:" + support);

        JsonNode log = api.json(api.get(supporter, "/api/v1/deliveries"));
        assertThat(eventIds(log)).containsOnly(offered.eventId().toString());

        JsonNode overview = api.json(api.get(supporter, "/api/v1/subscriptions"));
        assertThat(overview.get("recipient").asText()).isEqualTo("support:" + support);
        assertThat(overview.get("subscriptions").findValuesAsString("eventType"))
                .containsExactly("TransferOffered", "TransferCompleted", "ValidationQuestionAsked");

        // a supporter never reads an organisation's inbox, not even one with its own code
        api.get(supporter, "/api/v1/inbox?organisation=" + support).expectStatus().isForbidden();

        // the client withdraws the supporter: what concerned that client is no longer shown
        EventPublisher.publish(named.envelope(named.referralId,
                new ClientSupportChanged(named.referralId, named.pseudonym, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> total(supporter, "/api/v1/inbox") == 0);
        assertThat(total(supporter, "/api/v1/deliveries")).isZero();

        long audited = db.sql("select count(*) as n from audit_log where actor = :actor and action like 'notification.%'")
                .bind("actor", user).map(row -> row.get("n", Long.class)).one().block();
        assertThat(audited).isGreaterThanOrEqualTo(4);
    }

    private void link(TestEvents journey, String organisation) {
        EventPublisher.publish(journey.envelope(journey.referralId,
                new ClientSupportChanged(journey.referralId, journey.pseudonym, organisation)));
        // the link travels on intake's topic, the offer on the transfer table's: in life the link comes long before
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                        "select count(*) as n from client_support where referral_id = :id and organisation = :org")
                .bind("id", journey.referralId).bind("org", organisation)
                .map(row -> row.get("n", Long.class)).one().onErrorReturn(0L).block() == 1L);
    }

    private long total(String token, String uri) {
        return api.json(api.get(token, uri)).get("total").asLong();
    }

    private static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }
}
