package nl.transfertafel.fhirgateway.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.transfertafel.fhirgateway.R4Validation;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class ReferralTranslationTest {

    static Patient patient(String bsn) {
        Patient patient = new Patient();
        patient.setId("client");
        patient.addIdentifier().setSystem(Vocabulary.BSN).setValue(bsn);
        patient.addName().setText("J. Jansen");
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1990-04-01"));
        patient.addAddress().setPostalCode("3011 AB");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("j.jansen@example.org");
        patient.addCommunication().getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode("nl");
        return patient;
    }

    static ServiceRequest referral(String diagnosisGroup) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setRequester(ReferralMapping.agb("01000001"));
        request.addInsurance().getIdentifier().setSystem(Vocabulary.UZOVI).setValue("3311");
        request.addReasonCode(Vocabulary.DIAGNOSIS_GROUP.concept(diagnosisGroup));
        request.addOrderDetail(Vocabulary.CARE_LEVEL.concept("SPECIALIST"));
        request.addOrderDetail(Vocabulary.URGENCY.concept("URGENT"));
        request.addExtension(ReferralMapping.MAX_TRAVEL_KM, new IntegerType(25));
        request.addExtension(ReferralMapping.EHEALTH_ACCEPTABLE, new BooleanType(true));
        request.addExtension(ReferralMapping.SCREENING_CONSENT, new BooleanType(true));
        return request;
    }

    @Test
    void a_fhir_referral_becomes_the_body_intake_takes() {
        Map<String, Object> body = ReferralMapping.toReferral(referral("DEPRESSION"), patient("111222333"));

        assertThat(body).containsEntry("bsn", "111222333").containsEntry("name", "J. Jansen")
                .containsEntry("dateOfBirth", "1990-04-01").containsEntry("postcode", "3011 AB")
                .containsEntry("email", "j.jansen@example.org").containsEntry("language", "nl")
                .containsEntry("insurerUzovi", "3311").containsEntry("diagnosisGroup", "DEPRESSION")
                .containsEntry("careLevel", "SPECIALIST").containsEntry("urgency", "URGENT")
                .containsEntry("maxTravelKm", 25).containsEntry("eHealthAcceptable", true)
                .containsEntry("screeningConsent", true).doesNotContainKey("preferredProviderAgb");
    }

    @Test
    void priority_stands_in_for_urgency_when_no_urgency_coding_is_sent() {
        ServiceRequest request = referral("ANXIETY");
        request.getOrderDetail().removeIf(c -> Vocabulary.URGENCY.codeIn(c).isPresent());
        request.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);

        assertThat(ReferralMapping.toReferral(request, patient("111222333"))).containsEntry("urgency", "REGULAR");
    }

    @Test
    void the_registered_referral_carries_no_personal_data_and_is_valid_r4() {
        var answer = Upstream.json().readTree("""
                {"referralId":"5b6f0c1e-8d7a-4d4e-9a57-0f1f5c0d2a11","registeredOn":"2026-12-05",
                 "intakeDeadline":"2026-12-31","treatmentDeadline":"2027-01-20","placement":"UNPLACED_NO_PROVIDER",
                 "waitingStatus":"URGENT_PLACEMENT","version":1}""");

        ServiceRequest created = ReferralMapping.created(answer, referral("DEPRESSION"));

        R4Validation.assertValid(created);
        assertThat(Fhir.encode(created)).doesNotContain("111222333").doesNotContain("Jansen").doesNotContain("3011");
        assertThat(created.getIdPart()).isEqualTo("5b6f0c1e-8d7a-4d4e-9a57-0f1f5c0d2a11");
    }

    @Test
    void a_refused_referral_names_the_fhir_element_and_rule_but_never_the_value_sent() {
        var problem = Upstream.json().readTree("""
                {"title":"Invalid request","status":400,"rule":"validation","detail":"bsn 123456789 fails the eleven test",
                 "errors":[{"field":"bsn","rule":"Bsn","message":"123456789 is not a valid BSN"}]}""");

        FhirRefusal refusal = Outcomes.fromProblem(new Upstream.Answer(400, new HttpHeaders(), problem), ReferralMapping.FIELD_PATHS);

        assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        R4Validation.assertValid(refusal.outcome());
        var issue = refusal.outcome().getIssueFirstRep();
        assertThat(issue.getDiagnostics()).isEqualTo("bsn: Bsn");
        assertThat(issue.getExpression().get(0).getValue()).isEqualTo("Patient.identifier.where(system='" + Vocabulary.BSN + "').value");
        assertThat(Fhir.encode(refusal.outcome())).doesNotContain("123456789");
    }
}
