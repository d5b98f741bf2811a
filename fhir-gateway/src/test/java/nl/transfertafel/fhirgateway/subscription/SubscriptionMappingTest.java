package nl.transfertafel.fhirgateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import nl.transfertafel.fhirgateway.R4Validation;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SubscriptionMappingTest {

    private static Subscription posted(String criteria, String... headers) {
        Subscription subscription = new Subscription();
        subscription.setStatus(Subscription.SubscriptionStatus.REQUESTED);
        subscription.setReason("follow my referrals");
        subscription.setCriteria(criteria);
        subscription.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK)
                .setEndpoint("https://gp.example/hooks/transfertafel").setPayload("application/json");
        for (String header : headers) {
            subscription.getChannel().addHeader(header);
        }
        return subscription;
    }

    private static JsonNode overview(String json) {
        return Upstream.json().readTree(json);
    }

    @Test
    void a_rest_hook_subscription_to_my_referrals_names_the_endpoint_and_the_signing_secret() {
        SubscriptionMapping.Wanted wanted = SubscriptionMapping.wanted(posted(SubscriptionTopics.MY_REFERRALS.url(),
                "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123"));

        assertThat(wanted.topic()).isEqualTo(SubscriptionTopics.MY_REFERRALS);
        assertThat(wanted.endpoint()).isEqualTo("https://gp.example/hooks/transfertafel");
        assertThat(wanted.secret()).isEqualTo("0123456789abcdef0123");
    }

    @Test
    void a_header_the_pipeline_cannot_send_is_refused_rather_than_dropped() {
        assertThatThrownBy(() -> SubscriptionMapping.wanted(posted(SubscriptionTopics.MY_OFFERS.url(),
                "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123", "Authorization: Bearer abc")))
                .isInstanceOfSatisfying(FhirRefusal.class, refusal -> assertThat(refusal.outcome().getIssueFirstRep()
                        .getExpression().get(0).getValue()).isEqualTo("Subscription.channel.header"));
    }

    @Test
    void an_unknown_topic_or_a_payload_the_pipeline_cannot_render_is_refused_naming_the_element() {
        assertThatThrownBy(() -> SubscriptionMapping.wanted(posted("ServiceRequest?requester=x",
                "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123")))
                .isInstanceOfSatisfying(FhirRefusal.class, refusal -> assertThat(refusal.outcome().getIssueFirstRep()
                        .getExpression().get(0).getValue()).isEqualTo("Subscription.criteria"));
        Subscription xml = posted(SubscriptionTopics.MY_OFFERS.url(), "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123");
        xml.getChannel().setPayload("application/fhir+xml");
        assertThatThrownBy(() -> SubscriptionMapping.wanted(xml))
                .isInstanceOfSatisfying(FhirRefusal.class, refusal -> assertThat(refusal.outcome().getIssueFirstRep()
                        .getExpression().get(0).getValue()).isEqualTo("Subscription.channel.payload"));
    }

    @Test
    void a_fhir_payload_asks_notification_service_for_the_backports_bundle_naming_the_subscription_and_topic() {
        Subscription posted = posted(SubscriptionTopics.MY_OFFERS.url(), "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123");
        posted.getChannel().setPayload("application/fhir+json");

        SubscriptionMapping.Wanted wanted = SubscriptionMapping.wanted(posted);

        assertThat(wanted.fhirPayload()).isTrue();
        assertThat(wanted.webhook("https://fhir.example/fhir")).containsEntry("payloadFormat", "FHIR_SUBSCRIPTION_STATUS")
                .containsEntry("fhirSubscription", "https://fhir.example/fhir/Subscription/my-offers")
                .containsEntry("fhirTopic", SubscriptionTopics.MY_OFFERS.url())
                .containsEntry("url", "https://gp.example/hooks/transfertafel");
        SubscriptionMapping.Wanted json = SubscriptionMapping.wanted(posted(SubscriptionTopics.MY_OFFERS.url(),
                "X-Transfertafel-Webhook-Secret: 0123456789abcdef0123"));
        assertThat(json.webhook("https://fhir.example/fhir")).containsEntry("payloadFormat", "TRANSFERTAFEL_JSON")
                .doesNotContainKeys("fhirSubscription", "fhirTopic");
    }

    @Test
    void while_my_referrals_is_subscribed_my_offers_is_part_of_it_and_not_a_subscription_of_its_own() {
        JsonNode gp = overview("""
                {"recipient":"01000001","webhookRegistered":true,"webhookUrl":"https://gp.example/h","subscriptions":[
                 {"eventType":"ReferralReceived","channels":["INBOX","WEBHOOK"]},
                 {"eventType":"TreeknormSignalled","channels":["WEBHOOK"]},
                 {"eventType":"WaitingEntryChanged","channels":["WEBHOOK"]},
                 {"eventType":"TransferProposed","channels":["WEBHOOK"]},
                 {"eventType":"TransferOffered","channels":["WEBHOOK"]},
                 {"eventType":"TransferCompleted","channels":["WEBHOOK"]},
                 {"eventType":"EscalationOpened","channels":["WEBHOOK"]}]}""");

        assertThat(SubscriptionMapping.active(SubscriptionTopics.MY_REFERRALS, gp)).isTrue();
        assertThat(SubscriptionMapping.active(SubscriptionTopics.MY_OFFERS, gp)).isFalse();
    }

    @Test
    void subscribing_adds_the_webhook_channel_and_keeps_the_inbox_and_email_choices() {
        JsonNode before = overview("""
                {"recipient":"22000002","webhookRegistered":true,"webhookUrl":"https://p.example/h","subscriptions":[
                 {"eventType":"TransferOffered","channels":["INBOX","EMAIL"]},
                 {"eventType":"TransferCompleted","channels":[]},
                 {"eventType":"ReferralReceived","channels":["INBOX"]}]}""");

        Map<String, Object> body = SubscriptionMapping.choices(SubscriptionTopics.MY_OFFERS.eventTypes(), before, true);

        assertThat(body.get("subscriptions")).isEqualTo(List.of(
                Map.of("eventType", "TransferOffered", "channels", List.of("INBOX", "EMAIL", "WEBHOOK")),
                Map.of("eventType", "TransferCompleted", "channels", List.of("WEBHOOK"))));
        assertThat(SubscriptionMapping.active(SubscriptionTopics.MY_OFFERS, before)).isFalse();
    }

    @Test
    void a_topic_is_active_only_when_every_event_type_reaches_the_registered_webhook_and_serves_valid_r4() {
        JsonNode after = overview("""
                {"recipient":"22000002","webhookRegistered":true,"webhookUrl":"https://p.example/h","subscriptions":[
                 {"eventType":"TransferOffered","channels":["INBOX","WEBHOOK"]},
                 {"eventType":"TransferCompleted","channels":["WEBHOOK"]},
                 {"eventType":"ReferralReceived","channels":["INBOX"]}]}""");

        assertThat(SubscriptionMapping.active(SubscriptionTopics.MY_OFFERS, after)).isTrue();
        assertThat(SubscriptionMapping.active(SubscriptionTopics.MY_REFERRALS, after)).isFalse();
        Subscription served = SubscriptionMapping.toSubscription(SubscriptionTopics.MY_OFFERS, after);
        assertThat(served.getChannel().getEndpoint()).isEqualTo("https://p.example/h");
        assertThat(served.getChannel().getHeader()).isEmpty();
        R4Validation.assertValid(served);
    }
}
