package nl.transfertafel.notification.delivery.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.transfertafel.notification.routing.domain.SubjectKind;

/**
 * A notification as the FHIR R4 topic-based subscription backport delivers it over rest-hook, id-only
 * (http://hl7.org/fhir/uv/subscriptions-backport, "Notifications" and "Payload types"): a {@code history}
 * Bundle whose first entry is the {@code SubscriptionStatus}, in R4 a {@code Parameters} resource with the
 * backport-subscription-status-r4 profile ({@code subscription}, {@code topic}, {@code status},
 * {@code type = event-notification}, {@code events-since-subscription-start} and one
 * {@code notification-event} with its number, timestamp and focus), then an entry naming the focus
 * (no resource: the receiver reads it with its own token).
 *
 * <p>It says what the pipeline's JSON body says and no more (no BSN, names or clinical detail). The
 * focus is the FHIR resource the gateway serves for the subject: a referral is a {@code ServiceRequest},
 * an offer a {@code Task}; other subjects (escalations, registration stops) have no FHIR resource and are
 * sent without a focus. The Bundle's id is the delivery id, the same on every retry.
 */
public final class SubscriptionStatusNotification {

    public static final String MEDIA_TYPE = "application/fhir+json";
    public static final String BACKPORT = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";
    public static final String STATUS_PROFILE = BACKPORT + "backport-subscription-status-r4";
    public static final String NOTIFICATION_PROFILE = BACKPORT + "backport-subscription-notification-r4";

    /** Events that create their subject: the focus entry says POST (201) for them, PUT (200) otherwise. */
    private static final Set<String> CREATING = Set.of("ReferralReceived", "TransferProposed");

    private SubscriptionStatusNotification() {
    }

    /** The FHIR resource the gateway serves for a subject, as {@code <type>/<id>}, if there is one. */
    public static Optional<String> focus(ThinNotification notification) {
        SubjectKind kind = notification.subject().kind();
        String type = switch (kind) {
            case REFERRAL -> "ServiceRequest";
            case OFFER, PROPOSAL -> "Task";
            default -> null;
        };
        return Optional.ofNullable(type).map(t -> t + "/" + notification.subject().id());
    }

    /**
     * The Bundle as JSON-ready maps.
     *
     * @param subscription the absolute URL of the FHIR Subscription ({@code <base>/Subscription/<id>})
     * @param topic        the topic's canonical URL, or null
     * @param eventNumber  this notification's number since the subscription started (1 for the first)
     * @param now          when it is sent (the Bundle's timestamp)
     */
    public static Map<String, Object> bundle(ThinNotification notification, String subscription, String topic,
            long eventNumber, Instant now) {
        String base = subscription.substring(0, subscription.lastIndexOf("/Subscription/"));
        Optional<String> focus = focus(notification);

        List<Map<String, Object>> event = new ArrayList<>();
        event.add(parameter("event-number", "valueString", Long.toString(eventNumber)));
        event.add(parameter("timestamp", "valueInstant", notification.occurredAt().toString()));
        focus.ifPresent(f -> event.add(parameter("focus", "valueReference", Map.of("reference", base + "/" + f))));

        List<Map<String, Object>> parameters = new ArrayList<>();
        parameters.add(parameter("subscription", "valueReference", Map.of("reference", subscription)));
        if (topic != null) {
            parameters.add(parameter("topic", "valueCanonical", topic));
        }
        parameters.add(parameter("status", "valueCode", "active"));
        parameters.add(parameter("type", "valueCode", "event-notification"));
        parameters.add(parameter("events-since-subscription-start", "valueString", Long.toString(eventNumber)));
        Map<String, Object> notificationEvent = new LinkedHashMap<>();
        notificationEvent.put("name", "notification-event");
        notificationEvent.put("part", event);
        parameters.add(notificationEvent);

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("resourceType", "Parameters");
        status.put("id", notification.deliveryId().toString());
        status.put("meta", Map.of("profile", List.of(STATUS_PROFILE)));
        status.put("parameter", parameters);

        List<Map<String, Object>> entries = new ArrayList<>();
        Map<String, Object> statusEntry = new LinkedHashMap<>();
        statusEntry.put("fullUrl", "urn:uuid:" + notification.deliveryId());
        statusEntry.put("resource", status);
        statusEntry.put("request", Map.of("method", "GET", "url", subscription + "/$status"));
        statusEntry.put("response", Map.of("status", "200"));
        entries.add(statusEntry);
        focus.ifPresent(f -> {
            boolean created = CREATING.contains(notification.eventType());
            Map<String, Object> focusEntry = new LinkedHashMap<>();
            focusEntry.put("fullUrl", base + "/" + f);
            focusEntry.put("request", Map.of("method", created ? "POST" : "PUT",
                    "url", created ? f.substring(0, f.indexOf('/')) : f));
            focusEntry.put("response", Map.of("status", created ? "201" : "200"));
            entries.add(focusEntry);
        });

        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", notification.deliveryId().toString());
        bundle.put("meta", Map.of("profile", List.of(NOTIFICATION_PROFILE)));
        bundle.put("type", "history");
        bundle.put("timestamp", now.toString());
        bundle.put("entry", entries);
        return bundle;
    }

    private static Map<String, Object> parameter(String name, String valueElement, Object value) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put(valueElement, value);
        return parameter;
    }
}
