package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.ReferrerLinkChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class EventContractTest {

    static ReferralReceived referral() {
        return new ReferralReceived("ref-1", "pseudonym_0123456789abcdef", "01234567", null, "3011", "25-34",
                DiagnosisGroup.DEPRESSION, CareLevel.SPECIALIST, Urgency.REGULAR, "3311",
                LocalDate.of(2026, 11, 1), new ReferralReceived.Preferences(25, true, false), true);
    }

    static EventEnvelope envelope(Object payload) {
        return EventJson.envelop(new NewEvent(UUID.randomUUID(), Instant.parse("2026-11-22T10:00:00Z"), "rotterdam",
                "agg-1", (nl.transfertafel.contracts.events.EventPayload) payload), UUID.randomUUID());
    }

    @Test
    void every_catalogued_event_type_has_a_schema() {
        assertThat(EventCatalog.all()).isNotEmpty();
        EventCatalog.all().forEach(descriptor -> assertThat(
                getClass().getClassLoader().getResource(descriptor.schemaResource()))
                .as(descriptor.schemaResource()).isNotNull());
    }

    @Test
    void every_schema_loads_and_enforces_its_required_fields() {
        EventCatalog.all().forEach(descriptor -> {
            String empty = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + descriptor.type()
                    + "\",\"schemaVersion\":" + descriptor.schemaVersion()
                    + ",\"occurredAt\":\"2026-11-22T10:00:00Z\",\"region\":\"rotterdam\",\"aggregateId\":\"a\",\"payload\":{}}";
            assertThat(EventSchemas.violations(empty)).as(descriptor.type()).isNotEmpty()
                    .allSatisfy(v -> assertThat(v).contains("required"));
        });
    }

    @Test
    void referral_received_round_trips_and_validates() {
        EventEnvelope envelope = envelope(referral());
        String json = EventJson.write(envelope);

        assertThat(EventSchemas.violations(json)).isEmpty();
        EventEnvelope read = EventJson.read(json);
        assertThat(read.is(ReferralReceived.class)).isTrue();
        assertThat(read.payloadAs(ReferralReceived.class)).isEqualTo(referral());
        assertThat(read.region()).isEqualTo("rotterdam");
    }

    @Test
    void referrer_link_changed_round_trips_and_needs_a_practice_code_and_the_confirmation() {
        var unconfirmed = new ReferrerLinkChanged("ref-1", "pseudonym_0123456789abcdef", "01234567", false);
        String json = EventJson.write(envelope(unconfirmed));

        assertThat(EventSchemas.violations(json)).isEmpty();
        assertThat(EventJson.read(json).payloadAs(ReferrerLinkChanged.class)).isEqualTo(unconfirmed);
        assertThat(EventSchemas.violations(json.replace("\"01234567\"", "\"Dr. Jansen\""))).isNotEmpty();
        assertThat(EventSchemas.violations(json.replace(",\"confirmed\":false", ""))).isNotEmpty();
    }

    @Test
    void capacity_announced_validates() {
        var payload = new CapacityAnnounced("line-1", "12345678", ProviderType.BASIC_GGZ, "3012",
                List.of(DiagnosisGroup.ANXIETY, DiagnosisGroup.DEPRESSION), CareLevel.BASIC, 3,
                LocalDate.of(2026, 11, 23), null);
        assertThat(EventSchemas.violations(envelope(payload))).isEmpty();
    }

    @Test
    void personal_data_smuggled_into_a_payload_breaks_the_contract() {
        EventEnvelope envelope = envelope(referral());
        ((ObjectNode) envelope.payload()).put("bsn", "111222333");

        assertThat(EventSchemas.violations(envelope)).anySatisfy(v -> assertThat(v).contains("bsn"));
        assertThatThrownBy(() -> EventSchemas.requireValid(envelope)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_full_postcode_is_not_a_postcode_area() {
        EventEnvelope envelope = envelope(referral());
        ((ObjectNode) envelope.payload()).put("postcodeArea", "3011AB");

        assertThat(EventSchemas.violations(envelope)).anySatisfy(v -> assertThat(v).contains("postcodeArea"));
    }

    @Test
    void unknown_event_type_is_reported() {
        EventEnvelope envelope = envelope(referral());
        String json = EventJson.write(envelope).replace("\"ReferralReceived\"", "\"SomethingElse\"");

        assertThat(EventSchemas.violations(json)).contains("unknown event type SomethingElse v1");
    }
}
