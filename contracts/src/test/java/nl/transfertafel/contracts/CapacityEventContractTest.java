package nl.transfertafel.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
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
}
