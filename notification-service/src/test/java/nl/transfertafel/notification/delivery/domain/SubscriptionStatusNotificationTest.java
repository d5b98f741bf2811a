package nl.transfertafel.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import org.junit.jupiter.api.Test;

/** The backport's id-only notification (R4): what the Bundle says, and that it says nothing more than the JSON body. */
class SubscriptionStatusNotificationTest {

    private static final String SUBSCRIPTION = "https://fhir.example/fhir/Subscription/my-offers";
    private static final String TOPIC = "https://transfertafel.nl/fhir/SubscriptionTopic/my-offers";
    private static final Instant OCCURRED = Instant.parse("2026-11-23T10:00:00Z");

    private static ThinNotification notice(String eventType, SubjectKind kind, String id) {
        return new ThinNotification(UUID.fromString("00000000-0000-4000-8000-000000000001"), UUID.randomUUID(), eventType,
                OCCURRED, "rotterdam", "22000002", Notice.values()[0], new Subject(kind, id), "http://x/api/v1/offers/" + id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(Map<String, Object> bundle) {
        return (Map<String, Object>) ((List<Map<String, Object>>) bundle.get("entry")).get(0).get("resource");
    }

    @Test
    void an_offer_is_a_history_bundle_whose_status_names_the_subscription_the_event_and_the_task_it_is_about() {
        Map<String, Object> bundle = SubscriptionStatusNotification.bundle(notice("TransferOffered", SubjectKind.OFFER, "p-1"),
                SUBSCRIPTION, TOPIC, 3, OCCURRED.plusSeconds(5));
        String json = EventJson.mapper().writeValueAsString(bundle);

        assertThat(bundle).containsEntry("resourceType", "Bundle").containsEntry("type", "history")
                .containsEntry("id", "00000000-0000-4000-8000-000000000001");
        assertThat(status(bundle)).containsEntry("resourceType", "Parameters");
        assertThat(json).contains(SubscriptionStatusNotification.STATUS_PROFILE)
                .contains("{\"name\":\"subscription\",\"valueReference\":{\"reference\":\"" + SUBSCRIPTION + "\"}}")
                .contains("{\"name\":\"topic\",\"valueCanonical\":\"" + TOPIC + "\"}")
                .contains("{\"name\":\"type\",\"valueCode\":\"event-notification\"}")
                .contains("{\"name\":\"events-since-subscription-start\",\"valueString\":\"3\"}")
                .contains("{\"name\":\"event-number\",\"valueString\":\"3\"}")
                .contains("{\"name\":\"timestamp\",\"valueInstant\":\"2026-11-23T10:00:00Z\"}")
                .contains("{\"name\":\"focus\",\"valueReference\":{\"reference\":\"https://fhir.example/fhir/Task/p-1\"}}")
                // id-only: the focus entry has no resource; an offer's later events update the Task
                .contains("{\"fullUrl\":\"https://fhir.example/fhir/Task/p-1\",\"request\":{")
                .doesNotContain("\"texts\"").doesNotContain("22000002").doesNotContain("http://x/api");
    }

    @Test
    void a_referral_is_a_service_request_and_a_subject_without_a_fhir_resource_has_no_focus() {
        assertThat(SubscriptionStatusNotification.focus(notice("ReferralReceived", SubjectKind.REFERRAL, "r-1")))
                .contains("ServiceRequest/r-1");
        Map<String, Object> escalation = SubscriptionStatusNotification.bundle(
                notice("EscalationOpened", SubjectKind.ESCALATION, "e-1"), SUBSCRIPTION, null, 1, OCCURRED);

        assertThat((List<?>) escalation.get("entry")).hasSize(1);
        assertThat(EventJson.mapper().writeValueAsString(escalation)).doesNotContain("focus").doesNotContain("\"topic\"");
    }
}
