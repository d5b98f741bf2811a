package nl.transfertafel.notification.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.notification.access.domain.Verdict;
import org.junit.jupiter.api.Test;

class PayloadFormatTest {

    @Test
    void a_fhir_payload_names_the_absolute_url_of_its_subscription() {
        PayloadFormat fhir = PayloadFormat.FHIR_SUBSCRIPTION_STATUS;

        assertThat(fhir.checkFhirNames("https://fhir.example/fhir/Subscription/my-offers",
                "https://transfertafel.nl/fhir/SubscriptionTopic/my-offers").allowed()).isTrue();
        assertThat(fhir.checkFhirNames(null, null)).isInstanceOfSatisfying(Verdict.Rejected.class,
                rejected -> assertThat(rejected.rule()).isEqualTo("fhir-subscription-url"));
        assertThat(fhir.checkFhirNames("Subscription/my-offers", null).allowed()).isFalse();
        assertThat(fhir.checkFhirNames("https://fhir.example/fhir/Patient/1", null).allowed()).isFalse();
        assertThat(fhir.checkFhirNames("https://fhir.example/fhir/Subscription/a", "not a url")).isInstanceOfSatisfying(
                Verdict.Rejected.class, rejected -> assertThat(rejected.rule()).isEqualTo("fhir-topic-url"));
    }

    @Test
    void the_json_payload_takes_no_fhir_names() {
        assertThat(PayloadFormat.TRANSFERTAFEL_JSON.checkFhirNames(null, null).allowed()).isTrue();
        assertThat(PayloadFormat.TRANSFERTAFEL_JSON.checkFhirNames("https://fhir.example/fhir/Subscription/a", null))
                .isInstanceOfSatisfying(Verdict.Rejected.class,
                        rejected -> assertThat(rejected.rule()).isEqualTo("fhir-names-need-fhir-payload"));
    }
}
