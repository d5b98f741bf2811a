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
    void the_profile_validator_sees_an_r4_invariant_the_schema_cannot() {
        org.hl7.fhir.r4.model.Task task = new org.hl7.fhir.r4.model.Task();
        task.setStatus(org.hl7.fhir.r4.model.Task.TaskStatus.REQUESTED);
        task.setIntent(org.hl7.fhir.r4.model.Task.TaskIntent.PROPOSAL);
        // per-1: a period that ends before it starts is well-formed XML but not valid R4
        task.getRestriction().getPeriod().setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2026-12-05"))
                .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2026-12-01"));

        assertThat(R4Validation.errors(task)).anySatisfy(error -> assertThat(error).contains("per-1"));
    }

    @Test
    void the_profile_validator_checks_codes_against_the_published_code_systems() {
        org.hl7.fhir.r4.model.ServiceRequest request = new org.hl7.fhir.r4.model.ServiceRequest();
        request.setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestIntent.ORDER);
        request.getSubject().setDisplay("client of referral 1");
        request.addReasonCode().addCoding(new org.hl7.fhir.r4.model.Coding(Vocabulary.DIAGNOSIS_GROUP.url(), "NO_SUCH_GROUP", null));

        assertThat(R4Validation.errors(request)).anySatisfy(error -> assertThat(error).contains("NO_SUCH_GROUP"));
        request.getReasonCodeFirstRep().getCodingFirstRep().setCode(DiagnosisGroup.values()[0].name());
        assertThat(R4Validation.errors(request)).isEmpty();
    }

    @Test
    void the_capability_statement_is_valid_r4_and_lists_the_served_resources() {
        var statement = ConformanceHandler.capabilityStatement();

        R4Validation.assertValid(statement);
        assertThat(statement.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .containsExactly("ServiceRequest", "Task", "Slot", "Subscription", "Schedule", "HealthcareService", "CodeSystem");
    }
}
