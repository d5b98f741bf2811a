package nl.transfertafel.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import nl.transfertafel.notification.testing.TestReceiver;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@NotificationIntegrationTest
class WebhookDeliveryIT {

    private static final String SECRET = "a-shared-secret-of-the-provider";

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void a_provider_receives_a_signed_thin_offer_that_its_receiver_verifies() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String provider = Api.token("PROVIDER", journey.otherProvider, DemoUsers.REGION);
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            api.webhook(provider, receiver.url(), SECRET, "TransferOffered");

            EventEnvelope offered = journey.transferOffered();
            EventPublisher.publish(offered);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.rejected()).isEmpty();
            TestReceiver.Received got = receiver.accepted().get(0);
            assertThat(got.eventId()).isEqualTo(offered.eventId().toString());
            assertThat(got.eventType()).isEqualTo("TransferOffered");
            JsonNode body = EventJson.mapper().readTree(got.body());
            assertThat(body.get("deliveryId").asText()).isEqualTo(got.deliveryId());
            assertThat(body.get("organisation").asText()).isEqualTo(journey.otherProvider);
            assertThat(body.get("notice").asText()).isEqualTo("OFFER_RECEIVED");
            assertThat(body.get("subject").get("id").asText()).isEqualTo(journey.proposalId);
            assertThat(body.get("link").asText()).endsWith("/api/v1/offers/" + journey.proposalId);
            assertThat(body.get("texts").get("nl").get("title").asText()).isEqualTo("Aanbod voor uw organisatie");
            assertThat(body.get("texts").get("en").get("title").asText()).isEqualTo("An offer for your organisation");
            // thin: nothing about the client beyond the ids of the things
            assertThat(got.body()).doesNotContain(journey.pseudonym).doesNotContain(journey.referralId);
            // the scheme lets a receiver refuse a captured request sent again, and a tampered body
            assertThat(receiver.resend(got)).isEqualTo(401);
            assertThat(receiver.rejected()).containsExactly("replayed signature");
            assertThat(receiver.resend(new TestReceiver.Received(got.deliveryId(), got.eventId(), got.eventType(),
                    got.signatureHeaders(), got.body().replace("OFFER_RECEIVED", "OFFER_RECEIVEX"), got.at()))).isEqualTo(401);
            assertThat(receiver.rejected()).containsExactly("replayed signature", "bad signature");

            JsonNode log = api.json(api.get(provider, "/api/v1/deliveries?size=10"));
            JsonNode webhook = find(log, "WEBHOOK");
            assertThat(webhook.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(webhook.get("attempts").asInt()).isEqualTo(1);
            assertThat(webhook.get("target").asText()).isEqualTo(receiver.url());
        }
    }

    @Test
    void a_standard_webhooks_receiver_verifies_each_delivery_with_the_specifications_library() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(key);
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String provider = Api.token("PROVIDER", journey.otherProvider, DemoUsers.REGION);
        try (TestReceiver receiver = new TestReceiver(secret)) {
            api.webhook(provider, receiver.url(), secret, "TransferOffered");
            assertThat(api.json(api.get(provider, "/api/v1/subscriptions")).get("webhookSignatureScheme").asText())
                    .isEqualTo("STANDARD_WEBHOOKS");

            EventEnvelope offered = journey.transferOffered();
            EventPublisher.publish(offered);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.rejected()).isEmpty();
            TestReceiver.Received got = receiver.accepted().get(0);
            assertThat(got.eventId()).isEqualTo(offered.eventId().toString());
            java.util.Map<String, String> headers = got.signatureHeaders();
            assertThat(headers.get("webhook-id")).isEqualTo(got.deliveryId());
            assertThat(Long.parseLong(headers.get("webhook-timestamp")))
                    .isBetween(java.time.Instant.now().minusSeconds(60).getEpochSecond(), java.time.Instant.now().getEpochSecond() + 1);
            assertThat(headers.get("webhook-signature")).startsWith("v1,");
            // as any receiver would: the specification's library, fed the raw body and the headers
            java.util.Map<String, java.util.List<String>> asReceived = new java.util.HashMap<>();
            headers.forEach((name, value) -> asReceived.put(name, java.util.List.of(value)));
            new com.standardwebhooks.Webhook(secret).verify(got.body(), asReceived);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new com.standardwebhooks.Webhook(secret)
                            .verify(got.body().replace("OFFER_RECEIVED", "OFFER_RECEIVEX"), asReceived))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
            byte[] otherKey = new byte[32];
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new com.standardwebhooks.Webhook(
                            "whsec_" + java.util.Base64.getEncoder().encodeToString(otherKey)).verify(got.body(), asReceived))
                    .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
            // no legacy header beside the standard ones
            assertThat(headers).doesNotContainKey("X-Transfertafel-Signature");
            // a captured request sent again is refused by the receiver's replay check
            assertThat(receiver.resend(got)).isEqualTo(401);
            assertThat(receiver.rejected()).containsExactly("replayed signature");
        }
    }

    @Test
    void a_receiver_that_was_down_gets_everything_afterwards_in_order() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        TestEvents second = new TestEvents(DemoUsers.REGION, journey.gp, journey.provider, TestEvents.agb(), journey.insurer);
        String gp = Api.token("GP", journey.gp, DemoUsers.REGION);
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            receiver.answer(n -> n <= 3 ? 503 : 200); // down for the first three attempts
            api.webhook(gp, receiver.url(), SECRET, "TransferProposed", "TransferOffered", "TransferCompleted");

            // one producer (the transfer table) and one region: the order the GP must see them in
            List<EventEnvelope> sent = List.of(journey.transferProposed(), journey.transferOffered(),
                    second.transferProposed(), journey.transferCompleted(), second.transferOffered());
            sent.forEach(EventPublisher::publish);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == sent.size());
            assertThat(receiver.accepted()).extracting(TestReceiver.Received::eventId)
                    .containsExactlyElementsOf(sent.stream().map(e -> e.eventId().toString()).toList());
            assertThat(receiver.requests()).isEqualTo(sent.size() + 3); // only the head was retried

            JsonNode first = entryFor(gp, sent.get(0).eventId().toString(), "WEBHOOK");
            assertThat(first.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(first.get("attempts").asInt()).isEqualTo(4);
            assertThat(first.get("lastError").isNull()).isTrue();
        }
    }

    @Test
    void a_delivery_that_keeps_failing_is_dead_lettered_and_an_admin_replays_it() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String insurer = Api.token("INSURER", journey.insurer, DemoUsers.REGION);
        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        double deadBefore = count("transfertafel.notifications.dead-lettered");
        double retriedBefore = count("transfertafel.notifications.retried");
        double failedBefore = count("transfertafel.notifications.failed");
        double sentBefore = count("transfertafel.notifications.sent");
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            receiver.answer(n -> 500);
            api.webhook(insurer, receiver.url(), SECRET, "TransferBlocked");
            EventEnvelope blocked = journey.transferBlocked();
            EventPublisher.publish(blocked);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(entryFor(insurer, blocked.eventId().toString(), "WEBHOOK").get("status").asText())
                            .isEqualTo("DEAD"));
            JsonNode dead = entryFor(insurer, blocked.eventId().toString(), "WEBHOOK");
            assertThat(dead.get("attempts").asInt()).isEqualTo(5);
            assertThat(dead.get("lastError").asText()).isEqualTo("HTTP_5XX");
            assertThat(receiver.requests()).isEqualTo(5);
            assertThat(count("transfertafel.notifications.failed") - failedBefore).isEqualTo(5);
            assertThat(count("transfertafel.notifications.retried") - retriedBefore).isEqualTo(4);
            assertThat(count("transfertafel.notifications.dead-lettered") - deadBefore).isEqualTo(1);

            // the organisation cannot list or replay dead letters; an administrator can
            api.get(insurer, "/api/v1/dead-letters").expectStatus().isForbidden();
            JsonNode letters = api.json(api.get(admin, "/api/v1/dead-letters?organisation=" + journey.insurer));
            assertThat(letters.get("items")).hasSize(1);
            String deliveryId = letters.get("items").get(0).get("id").asText();
            api.post(insurer, "/api/v1/dead-letters/" + deliveryId + "/replay").expectStatus().isForbidden();

            receiver.answer(n -> 200);
            JsonNode replayed = api.json(api.post(admin, "/api/v1/dead-letters/" + deliveryId + "/replay"));
            assertThat(replayed.get("status").asText()).isEqualTo("PENDING");
            assertThat(replayed.get("replays").asInt()).isEqualTo(1);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.accepted().get(0).deliveryId()).isEqualTo(deliveryId);
            assertThat(entryFor(insurer, blocked.eventId().toString(), "WEBHOOK").get("status").asText())
                    .isEqualTo("DELIVERED");
            assertThat(count("transfertafel.notifications.sent") - sentBefore).isEqualTo(1);
            assertThat(meters.get("transfertafel.notifications.latency").tags("channel", "WEBHOOK", "type", "TransferBlocked")
                    .timer().count()).isPositive();
            // per channel and event type, never per person or organisation
            // the scrape grows with every request the shared context served (other test classes): no 256 KB cap
            assertThat(web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024)).build()
                    .get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(nl.transfertafel.testkit.TestStack.tokens().token("prometheus", java.util.List.of("METRICS"), null, null))).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody())
                    .contains("transfertafel_notifications_latency_seconds_bucket{channel=\"WEBHOOK\"")
                    .contains("transfertafel_notifications_dead_lettered_total{channel=\"WEBHOOK\"")
                    .doesNotContain("recipient=").doesNotContain("organisation=");
            // a delivered notification is not replayed again
            api.post(admin, "/api/v1/dead-letters/" + deliveryId + "/replay").expectStatus().isEqualTo(409);
        }
    }

    @Test
    void a_receiver_with_the_wrong_secret_refuses_every_request_and_the_delivery_is_not_counted_as_sent() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String gp = Api.token("GP", journey.gp, DemoUsers.REGION);
        try (TestReceiver receiver = new TestReceiver("the-receiver-expects-another-secret")) {
            api.webhook(gp, receiver.url(), SECRET, "ReferralReceived");
            EventEnvelope referral = journey.referralReceived();
            EventPublisher.publish(referral);

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.rejected().size() >= 2);
            assertThat(receiver.rejected()).containsOnly("bad signature");
            assertThat(receiver.accepted()).isEmpty();
            JsonNode entry = entryFor(gp, referral.eventId().toString(), "WEBHOOK");
            assertThat(entry.get("status").asText()).isIn("PENDING", "DEAD");
            assertThat(entry.get("lastError").asText()).isEqualTo("HTTP_4XX");
        }
    }

    private double count(String name) {
        return meters.find(name).tags("channel", "WEBHOOK", "type", "TransferBlocked").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private JsonNode entryFor(String token, String eventId, String channel) {
        JsonNode log = api.json(api.get(token, "/api/v1/deliveries?size=100"));
        List<JsonNode> matches = new ArrayList<>();
        log.get("items").forEach(item -> {
            if (item.get("eventId").asText().equals(eventId) && item.get("channel").asText().equals(channel)) {
                matches.add(item);
            }
        });
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }

    private static JsonNode find(JsonNode page, String channel) {
        for (JsonNode item : page.get("items")) {
            if (item.get("channel").asText().equals(channel)) {
                return item;
            }
        }
        throw new AssertionError("no " + channel + " delivery in " + page);
    }
}
