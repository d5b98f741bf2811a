package nl.transfertafel.fhirgateway.subscription;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Between a FHIR {@code Subscription} and notification-service's subscription API
 * ({@code GET/PUT /api/v1/subscriptions}, {@code PUT/DELETE /api/v1/subscriptions/webhook}): the
 * rest-hook endpoint is the organisation's webhook URL, the secret header its signing secret, and
 * the topic turns the WEBHOOK channel on (or off) for the topic's event types. The organisation's
 * inbox and e-mail choices are kept as they are.
 */
public final class SubscriptionMapping {

    /** The one channel header accepted: the secret deliveries are signed with; never returned. */
    public static final String SECRET_HEADER = "X-Transfertafel-Webhook-Secret";
    public static final String WEBHOOK = "WEBHOOK";
    public static final String DELIVERED_AS = "application/json";
    /** The backport's notification Bundle, rendered by notification-service for this webhook (ADR 1110). */
    public static final String FHIR_PAYLOAD = "application/fhir+json";
    static final String JSON_FORMAT = "TRANSFERTAFEL_JSON";
    static final String FHIR_FORMAT = "FHIR_SUBSCRIPTION_STATUS";
    static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

    /** What a posted Subscription asks for; {@code fhirPayload}: notifications as the backport's Bundle. */
    public record Wanted(SubscriptionTopics.Topic topic, String endpoint, String secret, boolean fhirPayload) {

        /** The body of notification-service's {@code PUT /api/v1/subscriptions/webhook} for this Subscription. */
        public Map<String, Object> webhook(String fhirBase) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", endpoint);
            body.put("secret", secret);
            body.put("payloadFormat", fhirPayload ? FHIR_FORMAT : JSON_FORMAT);
            if (fhirPayload) {
                body.put("fhirSubscription", fhirBase + "/Subscription/" + topic.id());
                body.put("fhirTopic", topic.url());
            }
            return body;
        }
    }

    private SubscriptionMapping() {
    }

    /** Reads a posted Subscription; anything the notification pipeline cannot honour is refused, naming the element. */
    public static Wanted wanted(Subscription subscription) {
        SubscriptionTopics.Topic topic = SubscriptionTopics.byCriteria(subscription.getCriteria()).orElseThrow(() ->
                invalid(OperationOutcome.IssueType.NOTSUPPORTED, "criteria: one of the topics "
                        + SubscriptionTopics.ALL.values().stream().map(SubscriptionTopics.Topic::url).toList(),
                        "Subscription.criteria"));
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw invalid(OperationOutcome.IssueType.NOTSUPPORTED, "channel.type: only rest-hook is delivered",
                    "Subscription.channel.type");
        }
        if (!channel.hasEndpoint()) {
            throw invalid(OperationOutcome.IssueType.REQUIRED, "channel.endpoint: the https URL to deliver to",
                    "Subscription.channel.endpoint");
        }
        String payload = channel.hasPayload() ? channel.getPayload().toLowerCase(Locale.ROOT) : DELIVERED_AS;
        boolean fhirPayload = payload.startsWith(FHIR_PAYLOAD);
        if (!fhirPayload && !payload.startsWith(DELIVERED_AS)) {
            throw invalid(OperationOutcome.IssueType.NOTSUPPORTED, "channel.payload: " + FHIR_PAYLOAD
                    + " (the backport's id-only notification Bundle) or " + DELIVERED_AS
                    + " (notification-service's thin webhook body)", "Subscription.channel.payload");
        }
        if (subscription.hasEnd()) {
            throw invalid(OperationOutcome.IssueType.NOTSUPPORTED, "end: subscriptions last until deleted",
                    "Subscription.end");
        }
        String secret = null;
        for (StringType header : channel.getHeader()) {
            String value = header.getValue() == null ? "" : header.getValue();
            int colon = value.indexOf(':');
            if (colon > 0 && value.substring(0, colon).trim().equalsIgnoreCase(SECRET_HEADER)) {
                secret = value.substring(colon + 1).trim();
            } else {
                throw invalid(OperationOutcome.IssueType.NOTSUPPORTED, "channel.header: deliveries carry no custom headers; "
                        + "only '" + SECRET_HEADER + ": <secret>' (the key deliveries are signed with) is accepted",
                        "Subscription.channel.header");
            }
        }
        if (secret == null) {
            throw invalid(OperationOutcome.IssueType.REQUIRED, "channel.header: '" + SECRET_HEADER
                    + ": <16-256 characters>', the key deliveries are signed with", "Subscription.channel.header");
        }
        return new Wanted(topic, channel.getEndpoint(), secret, fhirPayload);
    }

    /** The channels per event type in notification-service's overview ({@code subscriptions[].channels}). */
    public static Map<String, Set<String>> channels(JsonNode overview) {
        Map<String, Set<String>> channels = new LinkedHashMap<>();
        for (JsonNode subscription : overview.path("subscriptions")) {
            Set<String> set = new LinkedHashSet<>();
            subscription.path("channels").forEach(c -> set.add(c.asText()));
            channels.put(subscription.path("eventType").asText(), set);
        }
        return channels;
    }

    /**
     * A topic is subscribed when the webhook is registered and every one of its event types has the
     * WEBHOOK channel, unless a larger topic holding all its event types is subscribed too: then it is
     * part of that one (my-offers' event types are all in my-referrals), not a Subscription of its own.
     */
    public static boolean active(SubscriptionTopics.Topic topic, JsonNode overview) {
        return covered(topic, overview) && SubscriptionTopics.ALL.values().stream().noneMatch(larger -> !larger.equals(topic)
                && larger.eventTypes().containsAll(topic.eventTypes())
                && larger.eventTypes().size() > topic.eventTypes().size() && covered(larger, overview));
    }

    private static boolean covered(SubscriptionTopics.Topic topic, JsonNode overview) {
        Map<String, Set<String>> channels = channels(overview);
        return overview.path("webhookRegistered").asBoolean(false) && topic.eventTypes().stream()
                .allMatch(type -> channels.getOrDefault(type, Set.of()).contains(WEBHOOK));
    }

    /** The body of {@code PUT /api/v1/subscriptions}: the topic's event types with WEBHOOK added or removed, other channels kept. */
    public static Map<String, Object> choices(List<String> eventTypes, JsonNode overview, boolean webhook) {
        Map<String, Set<String>> current = channels(overview);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (String type : eventTypes) {
            Set<String> set = new LinkedHashSet<>(current.getOrDefault(type, Set.of()));
            if (webhook) {
                set.add(WEBHOOK);
            } else {
                set.remove(WEBHOOK);
            }
            subscriptions.add(Map.of("eventType", type, "channels", List.copyOf(set)));
        }
        return Map.of("subscriptions", subscriptions);
    }

    /** Whether any event type still reaches the organisation by webhook. */
    public static boolean anyWebhook(JsonNode overview) {
        return channels(overview).values().stream().anyMatch(set -> set.contains(WEBHOOK));
    }

    /** The Subscription as served: the topic, the endpoint, the payload as delivered, and never the secret. */
    public static Subscription toSubscription(SubscriptionTopics.Topic topic, JsonNode overview) {
        Subscription subscription = new Subscription();
        subscription.setId(topic.id());
        subscription.setStatus(Subscription.SubscriptionStatus.ACTIVE);
        subscription.setReason(topic.title() + " of organisation " + overview.path("recipient").asText()
                + ": event types " + String.join(", ", topic.eventTypes()));
        subscription.setCriteria(topic.url());
        Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
        channel.setType(Subscription.SubscriptionChannelType.RESTHOOK);
        channel.setEndpoint(overview.path("webhookUrl").asText());
        channel.setPayload(FHIR_FORMAT.equals(overview.path("webhookPayloadFormat").asText()) ? FHIR_PAYLOAD : DELIVERED_AS);
        // the backport's payload-content: the webhook body names the event and links to it, nothing more
        channel.getPayloadElement().addExtension(BACKPORT + "backport-payload-content", new CodeType("id-only"));
        return subscription;
    }

    private static FhirRefusal invalid(OperationOutcome.IssueType type, String diagnostics, String expression) {
        return new FhirRefusal(HttpStatus.BAD_REQUEST, type, diagnostics, expression);
    }
}
