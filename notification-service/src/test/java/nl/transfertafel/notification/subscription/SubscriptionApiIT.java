package nl.transfertafel.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@NotificationIntegrationTest
class SubscriptionApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void by_default_everything_that_concerns_an_organisation_lands_in_its_inbox_only() {
        String provider = TestEvents.agb();
        JsonNode overview = api.json(api.get(Api.token("PROVIDER", provider, "rotterdam"), "/api/v1/subscriptions"));
        assertThat(overview.get("recipient").asText()).isEqualTo(provider);
        assertThat(overview.get("webhookRegistered").asBoolean()).isFalse();
        List<String> types = new ArrayList<>();
        overview.get("subscriptions").forEach(s -> {
            types.add(s.get("eventType").asText());
            assertThat(s.get("channels").toString()).isEqualTo("[\"INBOX\"]");
        });
        assertThat(types).contains("ReferralReceived", "TransferOffered", "TransferBlocked", "EscalationOpened");

        JsonNode desk = api.json(api.get(Api.token("COORDINATOR", provider, "rotterdam"), "/api/v1/subscriptions"));
        assertThat(desk.get("recipient").asText()).isEqualTo("coordinators:rotterdam");
        assertThat(desk.get("subscriptions").findValuesAsString("eventType"))
                .containsExactly("TransferProposed", "ScreeningOverdue", "RegistrationRestrictionChanged");
    }

    @Test
    void an_organisation_chooses_channels_per_event_type_and_can_turn_the_inbox_off() {
        String gp = Api.token("GP", TestEvents.agb(), "rotterdam");
        api.put(gp, "/api/v1/subscriptions/mailbox", "{\"address\":\"poh@praktijk.example\"}").expectStatus().isOk();
        JsonNode after = api.json(api.put(gp, "/api/v1/subscriptions", """
                {"subscriptions":[{"eventType":"TransferOffered","channels":["EMAIL"]},
                                  {"eventType":"ReferralReceived","channels":[]}]}"""));
        assertThat(channels(after, "TransferOffered")).isEqualTo("[\"EMAIL\"]");
        assertThat(channels(after, "ReferralReceived")).isEqualTo("[]");
        assertThat(channels(after, "TransferCompleted")).isEqualTo("[\"INBOX\"]");
        assertThat(after.get("mailbox").asText()).isEqualTo("poh@praktijk.example");

        // removing the mailbox ends its e-mail subscriptions
        JsonNode removed = api.json(web.delete().uri("/api/v1/subscriptions/mailbox").headers(h -> h.setBearerAuth(gp))
                .exchange());
        assertThat(channels(removed, "TransferOffered")).isEqualTo("[]");
        assertThat(removed.get("mailboxRegistered").asBoolean()).isFalse();
    }

    @Test
    void subscribing_names_the_broken_rule() {
        String gp = Api.token("GP", TestEvents.agb(), "rotterdam");
        api.put(gp, "/api/v1/subscriptions", """
                {"subscriptions":[{"eventType":"TransferOffered","channels":["WEBHOOK"]}]}""")
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("webhook-not-registered");
        api.put(gp, "/api/v1/subscriptions", """
                {"subscriptions":[{"eventType":"ScreeningOverdue","channels":["INBOX"]}]}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("event-type-not-routed");
        api.put(gp, "/api/v1/subscriptions", """
                {"subscriptions":[{"eventType":"TransferOffered","channels":["CLIENT_EMAIL"]}]}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("channel-not-subscribable");
        api.put(gp, "/api/v1/subscriptions", """
                {"subscriptions":[{"eventType":"TransferOffered","channels":["FAX"]}]}""")
                .expectStatus().isBadRequest();
    }

    @Test
    void a_webhook_must_be_https_and_its_secret_long_enough_and_is_never_shown_again() {
        String provider = Api.token("PROVIDER", TestEvents.agb(), "rotterdam");
        api.put(provider, "/api/v1/subscriptions/webhook", """
                {"url":"http://receiver.example/hook","secret":"a-long-enough-secret"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("url")
                .jsonPath("$.errors[0].rule").isEqualTo("https-only");
        api.put(provider, "/api/v1/subscriptions/webhook", """
                {"url":"https://receiver.example/hook","secret":"short","signatureScheme":"TRANSFERTAFEL_V1"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("secret");
        // Standard Webhooks is the default and wants a whsec_ secret
        api.put(provider, "/api/v1/subscriptions/webhook", """
                {"url":"https://receiver.example/hook","secret":"a-long-enough-secret"}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("secret")
                .jsonPath("$.errors[0].rule").isEqualTo("standard-webhooks-secret");
        JsonNode legacy = api.json(api.put(provider, "/api/v1/subscriptions/webhook", """
                {"url":"https://receiver.example/hook","secret":"a-long-enough-secret","signatureScheme":"TRANSFERTAFEL_V1"}"""));
        assertThat(legacy.get("webhookSignatureScheme").asText()).isEqualTo("TRANSFERTAFEL_V1");
        String whsec = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        JsonNode ok = api.json(api.put(provider, "/api/v1/subscriptions/webhook",
                "{\"url\":\"https://receiver.example/hook\",\"secret\":\"" + whsec + "\"}"));
        assertThat(ok.get("webhookUrl").asText()).isEqualTo("https://receiver.example/hook");
        assertThat(ok.get("webhookSignatureScheme").asText()).isEqualTo("STANDARD_WEBHOOKS");
        assertThat(ok.toString()).doesNotContain("a-long-enough-secret").doesNotContain(whsec);
    }

    @Test
    void only_an_admin_manages_another_organisations_subscriptions() {
        String other = TestEvents.agb();
        String provider = Api.token("PROVIDER", TestEvents.agb(), "rotterdam");
        api.get(provider, "/api/v1/subscriptions?organisation=" + other).expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("own-organisation-only");
        api.get(Api.token("COORDINATOR", other, "rotterdam"), "/api/v1/subscriptions?organisation=coordinators:zeeland")
                .expectStatus().isForbidden();

        String admin = Api.token("ADMIN", "TRANSFERTAFEL", "rotterdam");
        JsonNode changed = api.json(api.put(admin, "/api/v1/subscriptions?organisation=" + other, """
                {"subscriptions":[{"eventType":"TransferBlocked","channels":[]}]}"""));
        assertThat(changed.get("recipient").asText()).isEqualTo(other);
        assertThat(channels(changed, "TransferBlocked")).isEqualTo("[]");
        assertThat(api.json(api.get(admin, "/api/v1/subscriptions?organisation=coordinators:zeeland"))
                .get("recipient").asText()).isEqualTo("coordinators:zeeland");
        api.get(admin, "/api/v1/subscriptions?organisation=client:abc").expectStatus().isForbidden();

        web.get().uri("/api/v1/subscriptions").exchange().expectStatus().isUnauthorized();
        api.get(nl.transfertafel.testkit.TestStack.tokens().serviceToken("intake-service"), "/api/v1/subscriptions")
                .expectStatus().isForbidden();
    }

    @Test
    void the_openapi_document_describes_subscriptions_inbox_delivery_log_and_dead_letters() {
        // the first document is generated on demand: slow on a loaded machine, so not the default 5 s
        JsonNode doc = api.json(web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange());
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/api/v1/subscriptions")).isTrue();
        assertThat(paths.has("/api/v1/subscriptions/webhook")).isTrue();
        assertThat(paths.has("/api/v1/subscriptions/mailbox")).isTrue();
        assertThat(paths.has("/api/v1/inbox")).isTrue();
        assertThat(paths.has("/api/v1/inbox/{notificationId}/read")).isTrue();
        assertThat(paths.get("/api/v1/inbox/stream").toString()).contains("text/event-stream");
        assertThat(paths.has("/api/v1/deliveries")).isTrue();
        assertThat(paths.has("/api/v1/dead-letters")).isTrue();
        assertThat(paths.has("/api/v1/dead-letters/{deliveryId}/replay")).isTrue();
    }

    private static String channels(JsonNode overview, String eventType) {
        for (JsonNode s : overview.get("subscriptions")) {
            if (s.get("eventType").asText().equals(eventType)) {
                return s.get("channels").toString();
            }
        }
        throw new AssertionError(eventType + " not in " + overview);
    }
}
