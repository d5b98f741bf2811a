package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The exclusion vocabulary of capacity offerings against the capacity events' schemas. */
class CapacityEventContractTest {

    private static final List<String> EVERY_EXCLUSION = Arrays.stream(ExclusionCriterion.values()).map(Enum::name).toList();

    @Test
    void a_full_announcement_with_every_exclusion_code_validates() {
        var payload = new CapacityAnnounced("line-1", "22000001", ProviderType.GGZ_INSTITUTION, "3012",
                List.of(DiagnosisGroup.DEPRESSION), CareLevel.SPECIALIST, 2, LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 12, 31), "offering-1", "location-1", 18, 65, EVERY_EXCLUSION);

        assertThat(EventSchemas.violations(EventContractTest.envelope(payload))).isEmpty();
    }

    @Test
    void a_profile_with_every_exclusion_code_validates() {
        var payload = new ProviderProfileChanged("22000001", "GGZ Maasstad", ProviderType.GGZ_INSTITUTION, "33000001",
                List.of(new ProviderProfileChanged.Location("location-1", "3012", "rotterdam")),
                List.of(new ProviderProfileChanged.Offering("offering-1", List.of(DiagnosisGroup.TRAUMA),
                        CareLevel.SPECIALIST, 18, 120, EVERY_EXCLUSION)),
                true, 3);

        assertThat(EventSchemas.violations(EventContractTest.envelope(payload))).isEmpty();
    }

    @Test
    void an_exclusion_that_is_not_a_code_breaks_the_contract() {
        var payload = new CapacityAnnounced("line-1", "22000001", ProviderType.GGZ_INSTITUTION, "3012",
                List.of(DiagnosisGroup.DEPRESSION), CareLevel.SPECIALIST, 2, LocalDate.of(2026, 11, 23), null,
                null, null, null, null, List.of("CRISIS_PRONE"));
        EventEnvelope envelope = EventContractTest.envelope(payload);
        ((ArrayNode) ((ObjectNode) envelope.payload()).get("exclusions")).add("no crisis clients please");

        // the message names the place (JSON Pointer into the payload), so an outbox refusal says which element broke it
        assertThat(EventSchemas.violations(envelope)).anySatisfy(v -> assertThat(v).startsWith("/exclusions/1: "));
    }

    @Test
    void a_closure_of_a_whole_provider_validates_and_a_personal_contact_field_does_not() {
        var payload = new ProviderClosureAnnounced("closure-1", "22000001", null, List.of(), LocalDate.of(2027, 3, 31),
                "Intake desk GGZ Maasstad, 010 123 4567", List.of("line-1"));
        assertThat(EventSchemas.violations(EventContractTest.envelope(payload))).isEmpty();

        EventEnvelope envelope = EventContractTest.envelope(payload);
        ((ObjectNode) envelope.payload()).put("clientBsn", "123456782");
        assertThat(EventSchemas.violations(envelope)).isNotEmpty();
    }

    @Test
    void a_programme_stop_names_its_groups() {
        var payload = new ProviderClosureAnnounced("closure-2", "22000001", "location-1",
                List.of(DiagnosisGroup.EATING), LocalDate.of(2027, 3, 31), "Zorgbemiddeling desk", List.of());
        assertThat(EventSchemas.violations(EventContractTest.envelope(payload))).isEmpty();
    }
}
