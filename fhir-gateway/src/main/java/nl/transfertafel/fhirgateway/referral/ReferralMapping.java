package nl.transfertafel.fhirgateway.referral;

import static nl.transfertafel.fhirgateway.fhir.Vocabulary.AGB;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.BSN;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.CARE_LEVEL;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.DIAGNOSIS_GROUP;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.EXTENSION;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.URGENCY;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.UZOVI;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import tools.jackson.databind.JsonNode;

/**
 * A GP referral in FHIR ({@code ServiceRequest} + {@code Patient}) and intake-service's referral
 * JSON, both ways. The way in carries everything intake needs; the way out carries no personal
 * data at all (the subject is named by the referral only): the BSN, name and contact details stay
 * inside intake-service, as they do for its REST clients on the wire.
 */
final class ReferralMapping {

    static final String SCREENING_CONSENT = EXTENSION + "screening-consent";
    static final String MAX_TRAVEL_KM = EXTENSION + "max-travel-km";
    static final String EHEALTH_ACCEPTABLE = EXTENSION + "ehealth-acceptable";
    static final String WAIT_FOR_PREFERRED = EXTENSION + "wait-for-preferred-provider";
    static final String INTAKE_DEADLINE = EXTENSION + "intake-deadline";
    static final String TREATMENT_DEADLINE = EXTENSION + "treatment-deadline";
    static final String WAITING_STATUS = EXTENSION + "waiting-status";

    /** intake's field names to the FHIRPath of the element they are read from (for OperationOutcome.expression). */
    static final Map<String, String> FIELD_PATHS = Map.ofEntries(
            Map.entry("bsn", "Patient.identifier.where(system='" + BSN + "').value"),
            Map.entry("name", "Patient.name"),
            Map.entry("dateOfBirth", "Patient.birthDate"),
            Map.entry("postcode", "Patient.address.postalCode"),
            Map.entry("email", "Patient.telecom.where(system='email').value"),
            Map.entry("phone", "Patient.telecom.where(system='phone').value"),
            Map.entry("language", "Patient.communication.language"),
            Map.entry("insurerUzovi", "ServiceRequest.insurance.identifier.value"),
            Map.entry("diagnosisGroup", "ServiceRequest.reasonCode"),
            Map.entry("careLevel", "ServiceRequest.orderDetail"),
            Map.entry("urgency", "ServiceRequest.priority"),
            Map.entry("preferredProviderAgb", "ServiceRequest.performer.identifier.value"),
            Map.entry("maxTravelKm", "ServiceRequest.extension('" + MAX_TRAVEL_KM + "')"),
            Map.entry("eHealthAcceptable", "ServiceRequest.extension('" + EHEALTH_ACCEPTABLE + "')"),
            Map.entry("waitForPreferredProvider", "ServiceRequest.extension('" + WAIT_FOR_PREFERRED + "')"),
            Map.entry("screeningConsent", "ServiceRequest.extension('" + SCREENING_CONSENT + "')"));

    private ReferralMapping() {
    }

    /** intake's {@code POST /api/v1/referrals} body; absent elements are left out, so intake names what is missing. */
    static Map<String, Object> toReferral(ServiceRequest request, Patient patient) {
        Map<String, Object> referral = new LinkedHashMap<>();
        if (patient != null) {
            patient.getIdentifier().stream().filter(id -> BSN.equals(id.getSystem())).findFirst()
                    .ifPresent(id -> referral.put("bsn", id.getValue()));
            if (patient.hasName()) {
                HumanName name = patient.getNameFirstRep();
                referral.put("name", name.hasText() ? name.getText() : name.getNameAsSingleString());
            }
            if (patient.hasBirthDate()) {
                referral.put("dateOfBirth", patient.getBirthDateElement().getValueAsString());
            }
            if (patient.hasAddress() && patient.getAddressFirstRep().hasPostalCode()) {
                referral.put("postcode", patient.getAddressFirstRep().getPostalCode());
            }
            for (ContactPoint telecom : patient.getTelecom()) {
                if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                    referral.putIfAbsent("email", telecom.getValue());
                } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
                    referral.putIfAbsent("phone", telecom.getValue());
                }
            }
            if (patient.hasCommunication()) {
                patient.getCommunicationFirstRep().getLanguage().getCoding().stream().findFirst()
                        .ifPresent(c -> referral.put("language", c.getCode().length() > 2 ? c.getCode().substring(0, 2) : c.getCode()));
            }
        }
        request.getInsurance().stream().map(Reference::getIdentifier).filter(id -> UZOVI.equals(id.getSystem()))
                .findFirst().ifPresent(id -> referral.put("insurerUzovi", id.getValue()));
        request.getReasonCode().stream().map(DIAGNOSIS_GROUP::codeIn).flatMap(Optional::stream).findFirst()
                .ifPresent(code -> referral.put("diagnosisGroup", code));
        request.getOrderDetail().stream().map(CARE_LEVEL::codeIn).flatMap(Optional::stream).findFirst()
                .ifPresent(code -> referral.put("careLevel", code));
        Optional<String> urgency = request.getOrderDetail().stream().map(URGENCY::codeIn).flatMap(Optional::stream).findFirst();
        if (urgency.isPresent()) {
            referral.put("urgency", urgency.get());
        } else if (request.hasPriority()) {
            referral.put("urgency", request.getPriority() == ServiceRequest.ServiceRequestPriority.ROUTINE ? "REGULAR" : "URGENT");
        }
        request.getPerformer().stream().map(Reference::getIdentifier).filter(id -> AGB.equals(id.getSystem()))
                .findFirst().ifPresent(id -> referral.put("preferredProviderAgb", id.getValue()));
        extension(request, MAX_TRAVEL_KM).ifPresent(e -> referral.put("maxTravelKm", e.getValue() instanceof IntegerType i ? i.getValue() : e.getValue().primitiveValue()));
        extension(request, EHEALTH_ACCEPTABLE).ifPresent(e -> referral.put("eHealthAcceptable", bool(e)));
        extension(request, WAIT_FOR_PREFERRED).ifPresent(e -> referral.put("waitForPreferredProvider", bool(e)));
        extension(request, SCREENING_CONSENT).ifPresent(e -> referral.put("screeningConsent", bool(e)));
        return referral;
    }

    /**
     * What every referral asks for. R4 allows {@code orderDetail} (where care level and urgency
     * travel) only beside a {@code code} (invariant prr-1), so a served ServiceRequest always has one:
     * the GP's own when it sent one, else this text.
     */
    static CodeableConcept referralCode() {
        return new CodeableConcept().setText("Referral to mental-health care (ggz)");
    }

    /** The ServiceRequest intake registered, from its answer and the codes the GP sent. */
    static ServiceRequest created(JsonNode answer, ServiceRequest sent) {
        ServiceRequest request = new ServiceRequest();
        request.setId(answer.path("referralId").asText());
        request.getMeta().setVersionId(answer.path("version").asText("1"));
        request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setIdentifier(sent.getIdentifier());
        request.setRequester(sent.hasRequester() ? new Reference().setIdentifier(sent.getRequester().getIdentifier()) : null);
        request.setReasonCode(sent.getReasonCode());
        request.setCode(sent.hasCode() ? sent.getCode() : referralCode());
        request.setOrderDetail(sent.getOrderDetail());
        request.setPriority(sent.getPriority());
        request.setInsurance(sent.getInsurance());
        request.setSubject(subject(answer.path("referralId").asText()));
        copyExtensions(sent, request);
        dates(request, answer);
        if ("PLACED".equals(answer.path("placement").asText()) && answer.hasNonNull("providerAgb")) {
            request.addPerformer(agb(answer.path("providerAgb").asText()));
        }
        return request;
    }

    /** One line of the GP's worklist ({@code GET /api/v1/referrals}) as a ServiceRequest. */
    static ServiceRequest fromWorklist(JsonNode item) {
        JsonNode referred = item.path("referral");
        JsonNode waiting = item.path("waiting");
        ServiceRequest request = new ServiceRequest();
        String referralId = item.path("referralId").asText();
        request.setId(referralId);
        if (waiting.hasNonNull("version")) {
            request.getMeta().setVersionId(waiting.path("version").asText());
        }
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setStatus(status(waiting.path("stage").asText(""), item.path("transfer").path("state").asText("")));
        request.setSubject(subject(referralId));
        request.setCode(referralCode());
        if (referred.hasNonNull("referrerAgb")) {
            request.setRequester(agb(referred.path("referrerAgb").asText()));
        }
        if (referred.hasNonNull("diagnosisGroup")) {
            request.addReasonCode(DIAGNOSIS_GROUP.concept(referred.path("diagnosisGroup").asText()));
        }
        if (referred.hasNonNull("careLevel")) {
            request.addOrderDetail(CARE_LEVEL.concept(referred.path("careLevel").asText()));
        }
        if (referred.hasNonNull("urgency")) {
            String urgency = referred.path("urgency").asText();
            request.addOrderDetail(URGENCY.concept(urgency));
            request.setPriority("URGENT".equals(urgency) ? ServiceRequest.ServiceRequestPriority.URGENT
                    : ServiceRequest.ServiceRequestPriority.ROUTINE);
        }
        if (referred.hasNonNull("insurerUzovi")) {
            request.addInsurance(new Reference().setIdentifier(new Identifier().setSystem(UZOVI)
                    .setValue(referred.path("insurerUzovi").asText())));
        }
        if (waiting.hasNonNull("providerAgb")) {
            request.addPerformer(agb(waiting.path("providerAgb").asText()));
        }
        if (referred.hasNonNull("maxTravelKm")) {
            request.addExtension(MAX_TRAVEL_KM, new IntegerType(referred.path("maxTravelKm").asInt()));
        }
        if (referred.hasNonNull("eHealthAcceptable")) {
            request.addExtension(EHEALTH_ACCEPTABLE, new BooleanType(referred.path("eHealthAcceptable").asBoolean()));
        }
        if (referred.hasNonNull("waitForPreferredProvider")) {
            request.addExtension(WAIT_FOR_PREFERRED, new BooleanType(referred.path("waitForPreferredProvider").asBoolean()));
        }
        if (referred.hasNonNull("screeningConsent")) {
            request.addExtension(SCREENING_CONSENT, new BooleanType(referred.path("screeningConsent").asBoolean()));
        }
        dates(request, waiting);
        return request;
    }

    /** WITHDRAWN is revoked, treatment started or the transfer completed is completed, anything else active. */
    static ServiceRequest.ServiceRequestStatus status(String stage, String transferState) {
        if ("WITHDRAWN".equals(stage)) {
            return ServiceRequest.ServiceRequestStatus.REVOKED;
        }
        if ("IN_TREATMENT".equals(stage)) {
            return ServiceRequest.ServiceRequestStatus.COMPLETED;
        }
        return ServiceRequest.ServiceRequestStatus.ACTIVE;
    }

    static Reference agb(String code) {
        return new Reference().setIdentifier(new Identifier().setSystem(AGB).setValue(code));
    }

    private static Reference subject(String referralId) {
        return new Reference().setDisplay("client of referral " + referralId);
    }

    private static void dates(ServiceRequest request, JsonNode source) {
        if (source.hasNonNull("registeredOn")) {
            request.setAuthoredOn(java.util.Date.from(LocalDate.parse(source.path("registeredOn").asText())
                    .atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant()));
        }
        if (source.hasNonNull("intakeDeadline")) {
            request.addExtension(INTAKE_DEADLINE, new DateType(source.path("intakeDeadline").asText()));
        }
        if (source.hasNonNull("treatmentDeadline")) {
            request.addExtension(TREATMENT_DEADLINE, new DateType(source.path("treatmentDeadline").asText()));
        }
        if (source.hasNonNull("waitingStatus")) {
            request.addExtension(WAITING_STATUS, new StringType(source.path("waitingStatus").asText()));
        }
    }

    private static void copyExtensions(ServiceRequest from, ServiceRequest to) {
        for (String url : new String[] {MAX_TRAVEL_KM, EHEALTH_ACCEPTABLE, WAIT_FOR_PREFERRED, SCREENING_CONSENT}) {
            extension(from, url).ifPresent(e -> to.addExtension(e.copy()));
        }
    }

    private static Optional<Extension> extension(ServiceRequest request, String url) {
        return Optional.ofNullable(request.getExtensionByUrl(url)).filter(Extension::hasValue);
    }

    private static Object bool(Extension extension) {
        // another type is passed on as text: intake refuses it naming the field (rule readable)
        return extension.getValue() instanceof BooleanType b ? b.getValue() : extension.getValue().primitiveValue();
    }

    static boolean isCode(CodeableConcept concept, String system) {
        return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()));
    }
}
