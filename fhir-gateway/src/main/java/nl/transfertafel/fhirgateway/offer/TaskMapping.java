package nl.transfertafel.fhirgateway.offer;

import static nl.transfertafel.fhirgateway.fhir.Vocabulary.AGB;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.CARE_LEVEL;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.DIAGNOSIS_GROUP;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.PROPOSAL_STATE;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.TASK_PARAMETER;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.URGENCY;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import tools.jackson.databind.JsonNode;

/**
 * A transfer offer (the transfer table's proposal, {@code GET /api/v1/offers}) as a FHIR Task: the
 * receiving provider owns it, it focuses on the GP's referral (ServiceRequest), its status follows
 * the proposal lifecycle and the exact state is in businessStatus; the answers are outputs.
 */
final class TaskMapping {

    private TaskMapping() {
    }

    /** The proposal lifecycle mapped onto Task.status (the exact state stays in businessStatus). */
    static Task.TaskStatus status(String state) {
        return switch (state) {
            case "PROPOSED", "SCREENED_ONCE", "APPROVED" -> Task.TaskStatus.DRAFT;
            case "OFFERED" -> Task.TaskStatus.REQUESTED;
            case "ACCEPTED_BY_PROVIDER", "ACCEPTED_BY_CLIENT" -> Task.TaskStatus.ACCEPTED;
            case "COMPLETED" -> Task.TaskStatus.COMPLETED;
            case "DECLINED" -> Task.TaskStatus.REJECTED;
            case "EXPIRED", "LAPSED" -> Task.TaskStatus.FAILED;
            case "REJECTED", "WITHDRAWN" -> Task.TaskStatus.CANCELLED;
            default -> Task.TaskStatus.NULL;
        };
    }

    static Task toTask(JsonNode offer) {
        Task task = new Task();
        task.setId(offer.path("proposalId").asText());
        String state = offer.path("state").asText();
        task.setStatus(status(state));
        task.setBusinessStatus(PROPOSAL_STATE.concept(state));
        task.setIntent(Task.TaskIntent.PROPOSAL);
        task.getCode().setText("transfer offer");
        if (offer.hasNonNull("referralId")) {
            task.setFocus(new Reference("ServiceRequest/" + offer.path("referralId").asText()));
        }
        if (offer.hasNonNull("receivingProviderAgb")) {
            task.setOwner(agb(offer.path("receivingProviderAgb").asText()));
        }
        if (offer.hasNonNull("referrerAgb")) {
            task.setRequester(agb(offer.path("referrerAgb").asText()));
        }
        if (offer.hasNonNull("offerExpiresAt")) {
            task.getRestriction().getPeriod().setEnd(Date.from(Instant.parse(offer.path("offerExpiresAt").asText())));
        }
        input(task, "diagnosis-group", offer, "diagnosisGroup", code -> DIAGNOSIS_GROUP.concept(code));
        input(task, "care-level", offer, "careLevel", code -> CARE_LEVEL.concept(code));
        input(task, "urgency", offer, "urgency", code -> URGENCY.concept(code));
        // the offer shows false until a party accepts: only an acceptance is an answer to report
        if (offer.path("providerAccepted").asBoolean(false)) {
            task.addOutput().setType(TASK_PARAMETER.concept("provider-response"))
                    .setValue(new BooleanType(offer.path("providerAccepted").asBoolean()));
        }
        if (offer.path("clientAccepted").asBoolean(false)) {
            task.addOutput().setType(TASK_PARAMETER.concept("client-response"))
                    .setValue(new BooleanType(offer.path("clientAccepted").asBoolean()));
        }
        if (offer.hasNonNull("handoverContact")) {
            task.addOutput().setType(TASK_PARAMETER.concept("handover-contact"))
                    .setValue(new StringType(offer.path("handoverContact").asText()));
        }
        return task;
    }

    /** The value of the output of the given type in an updated Task, if the caller set one. */
    static Optional<Type> output(Task task, String type) {
        return task.getOutput().stream().filter(o -> TASK_PARAMETER.codeIn(o.getType()).filter(type::equals).isPresent())
                .map(Task.TaskOutputComponent::getValue).findFirst();
    }

    private static void input(Task task, String type, JsonNode offer, String field,
            java.util.function.Function<String, Type> value) {
        if (offer.hasNonNull(field)) {
            task.addInput().setType(TASK_PARAMETER.concept(type)).setValue(value.apply(offer.path(field).asText()));
        }
    }

    private static Reference agb(String code) {
        return new Reference().setIdentifier(new Identifier().setSystem(AGB).setValue(code));
    }
}
