package nl.transfertafel.fhirgateway.fhir;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import nl.transfertafel.contracts.vocabulary.Urgency;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * The naming systems the gateway reads and the code systems it publishes. The code systems are
 * generated from the enums in {@code contracts}, so a new diagnosis group or decline reason is in
 * {@code /fhir/CodeSystem} the moment the services know it.
 */
public final class Vocabulary {

    public static final String BSN = "http://fhir.nl/fhir/NamingSystem/bsn";
    public static final String AGB = "http://fhir.nl/fhir/NamingSystem/agb-z";
    public static final String UZOVI = "http://fhir.nl/fhir/NamingSystem/uzovi";
    public static final String BASE = "https://transfertafel.nl/fhir";
    public static final String EXTENSION = BASE + "/StructureDefinition/";

    /** One published code system: its id (also the last segment of its canonical URL) and codes. */
    public record System(String id, String title, String description, Map<String, String> codes) {
        public String url() {
            return BASE + "/CodeSystem/" + id;
        }

        public boolean has(String code) {
            return codes.containsKey(code);
        }

        public Coding coding(String code) {
            return new Coding(url(), code, codes.getOrDefault(code, code));
        }

        public CodeableConcept concept(String code) {
            return new CodeableConcept().addCoding(coding(code));
        }

        /** The code of the first coding in this system, if any. */
        public Optional<String> codeIn(CodeableConcept concept) {
            return concept == null ? Optional.empty() : concept.getCoding().stream()
                    .filter(c -> url().equals(c.getSystem())).map(Coding::getCode).findFirst();
        }

        public CodeSystem resource() {
            CodeSystem system = new CodeSystem();
            system.setId(id);
            system.setUrl(url());
            system.setName(title.replace(" ", ""));
            system.setTitle(title);
            system.setDescription(description);
            system.setStatus(PublicationStatus.ACTIVE);
            system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
            system.setCaseSensitive(true);
            codes.forEach((code, display) -> system.addConcept().setCode(code).setDisplay(display));
            system.setCount(codes.size());
            return system;
        }
    }

    public static final System DIAGNOSIS_GROUP = new System("diagnosis-group", "Diagnosis group",
            "Main diagnosis groups (hoofddiagnosegroepen) as used in the NZa waiting-time figures.", codes(DiagnosisGroup.values()));
    public static final System CARE_LEVEL = new System("care-level", "Care level",
            "Basic (basis-ggz) or specialist (gespecialiseerde ggz) mental-health care, or still to be assessed.", codes(CareLevel.values()));
    public static final System URGENCY = new System("urgency", "Urgency", "Regular or urgent referral.", codes(Urgency.values()));
    public static final System PROVIDER_TYPE = new System("provider-type", "Provider type",
            "What kind of provider offers the places.", codes(ProviderType.values()));
    public static final System DECLINE_REASON = new System("decline-reason", "Decline reason",
            "Why a receiving provider or a client declined a transfer offer.", codes(DeclineReason.values()));
    public static final System PROPOSAL_STATE = new System("proposal-state", "Proposal state",
            "Where a transfer proposal stands in the transfer table's lifecycle (Task.businessStatus).",
            codes(new String[] {"PROPOSED", "SCREENED_ONCE", "APPROVED", "OFFERED", "ACCEPTED_BY_PROVIDER",
                    "ACCEPTED_BY_CLIENT", "COMPLETED", "REJECTED", "LAPSED", "DECLINED", "EXPIRED", "WITHDRAWN"}));
    public static final System TASK_PARAMETER = new System("task-parameter", "Transfer offer parameter",
            "Names the inputs and outputs of a transfer offer Task.", Map.of(
                    "provider-response", "Provider response", "client-response", "Client response",
                    "handover-contact", "Handover contact", "diagnosis-group", "Diagnosis group",
                    "care-level", "Care level", "urgency", "Urgency"));

    public static final Map<String, System> PUBLISHED;

    static {
        Map<String, System> published = new LinkedHashMap<>();
        for (System system : new System[] {DIAGNOSIS_GROUP, CARE_LEVEL, URGENCY, PROVIDER_TYPE, DECLINE_REASON,
                PROPOSAL_STATE, TASK_PARAMETER}) {
            published.put(system.id(), system);
        }
        PUBLISHED = java.util.Collections.unmodifiableMap(published);
    }

    private Vocabulary() {
    }

    private static Map<String, String> codes(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            names[i] = values[i].name();
        }
        return codes(names);
    }

    private static Map<String, String> codes(String[] names) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String name : names) {
            String words = name.toLowerCase(Locale.ROOT).replace('_', ' ');
            codes.put(name, Character.toUpperCase(words.charAt(0)) + words.substring(1));
        }
        return codes;
    }
}
