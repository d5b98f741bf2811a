package nl.transfertafel.fhirgateway;

import static org.assertj.core.api.Assertions.assertThat;

import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.fhirgateway.conformance.ConformanceHandler;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

class ConformanceTest {

    @Test
    void every_published_code_system_is_valid_r4() {
        Vocabulary.PUBLISHED.values().forEach(system -> R4Validation.assertValid(system.resource()));
    }

    @Test
    void the_code_systems_hold_every_code_the_services_know() {
        CodeSystem groups = Vocabulary.DIAGNOSIS_GROUP.resource();
        CodeSystem reasons = Vocabulary.DECLINE_REASON.resource();

        assertThat(groups.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactly(java.util.Arrays.stream(DiagnosisGroup.values()).map(Enum::name).toArray(String[]::new));
        assertThat(reasons.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactly(java.util.Arrays.stream(DeclineReason.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void the_r4_validation_the_tests_rely_on_refuses_a_resource_missing_required_elements() {
        org.hl7.fhir.r4.model.ServiceRequest incomplete = new org.hl7.fhir.r4.model.ServiceRequest(); // no status, intent, subject

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> R4Validation.assertValid(incomplete))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ServiceRequest");
    }

    @Test
    void the_capability_statement_is_valid_r4_and_lists_the_served_resources() {
        var statement = ConformanceHandler.capabilityStatement();

        R4Validation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("ServiceRequest", "Task", "Slot", "Schedule", "HealthcareService", "CodeSystem");
    }
}
