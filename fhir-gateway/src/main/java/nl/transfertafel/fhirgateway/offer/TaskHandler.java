package nl.transfertafel.fhirgateway.offer;

import static nl.transfertafel.fhirgateway.upstream.Upstream.Service.TRANSFER_TABLE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Transfer offers as Tasks: search and read from the transfer table's {@code /api/v1/offers}
 * (which already shows each caller only the offers it may see), and {@code PUT /fhir/Task/{id}} to
 * answer one: a new {@code provider-response} output is the receiving provider's answer, a new
 * {@code client-response} output the client's (given by the GP or the client supporter); a
 * decline names its reason in {@code statusReason} (CodeSystem decline-reason).
 */
@Component
public class TaskHandler {

    private static final Map<String, String> FIELD_PATHS = Map.of(
            "accepted", "Task.output",
            "handoverContact", "Task.output.where(type.coding.code='handover-contact').value",
            "declineReason", "Task.statusReason");

    private final Upstream upstream;

    public TaskHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    /** {@code GET /fhir/Task?focus=ServiceRequest/<id>&owner=<agb>&status=<code>}. */
    public Mono<ServerResponse> search(ServerRequest request) {
        Optional<String> focus = request.queryParam("focus");
        Optional<String> owner = request.queryParam("owner").map(TaskHandler::token);
        Optional<String> status = request.queryParam("status");
        return upstream.get(TRANSFER_TABLE, "/api/v1/offers", Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body()) : Mono.error(Outcomes.fromProblem(answer, Map.of())))
                .map(offers -> {
                    Bundle bundle = new Bundle();
                    bundle.setType(Bundle.BundleType.SEARCHSET);
                    for (JsonNode offer : offers) {
                        Task task = TaskMapping.toTask(offer);
                        boolean matches = focus.map(f -> f.endsWith("ServiceRequest/" + offer.path("referralId").asText())
                                        || f.equals(offer.path("referralId").asText())).orElse(true)
                                && owner.map(o -> o.equals(offer.path("receivingProviderAgb").asText())).orElse(true)
                                && status.map(s -> s.equals(task.getStatus().toCode())).orElse(true);
                        if (matches) {
                            bundle.addEntry().setFullUrl(Vocabulary.BASE + "/Task/" + task.getIdPart()).setResource(task)
                                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
                        }
                    }
                    bundle.setTotal(bundle.getEntry().size());
                    return bundle;
                }).flatMap(Fhir::ok);
    }

    public Mono<ServerResponse> read(ServerRequest request) {
        return offer(request.pathVariable("id"), Fhir.authorization(request)).map(TaskMapping::toTask).flatMap(Fhir::ok);
    }

    /** {@code PUT /fhir/Task/{id}}: the one answer the update adds is sent to the transfer table. */
    public Mono<ServerResponse> update(ServerRequest request) {
        String id = request.pathVariable("id");
        String authorization = Fhir.authorization(request);
        return Fhir.read(request, Task.class).flatMap(updated -> offer(id, authorization).flatMap(current -> {
            Optional<Type> provider = TaskMapping.output(updated, "provider-response");
            Optional<Type> client = TaskMapping.output(updated, "client-response");
            String path;
            Map<String, Object> answer = new LinkedHashMap<>();
            String state = current.path("state").asText();
            // the offer answers false until a party accepts, so who has answered is read from the state
            boolean providerAnswered = !"OFFERED".equals(state) && !"ACCEPTED_BY_CLIENT".equals(state);
            boolean clientAnswered = !"OFFERED".equals(state) && !"ACCEPTED_BY_PROVIDER".equals(state);
            if (provider.isPresent() && !providerAnswered) {
                path = "/api/v1/offers/" + id + "/provider-response";
                answer.put("accepted", accepted(provider.get()));
                TaskMapping.output(updated, "handover-contact").ifPresent(v -> answer.put("handoverContact", v.primitiveValue()));
            } else if (client.isPresent() && !clientAnswered) {
                path = "/api/v1/offers/" + id + "/client-response";
                answer.put("accepted", accepted(client.get()));
            } else {
                return Mono.error(new FhirRefusal(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.REQUIRED,
                        "the update adds no new provider-response or client-response output", "Task.output"));
            }
            Vocabulary.DECLINE_REASON.codeIn(updated.getStatusReason()).ifPresent(reason -> answer.put("declineReason", reason));
            return upstream.post(TRANSFER_TABLE, path, authorization, answer, headers -> {
            }).flatMap(result -> result.ok() ? offer(id, authorization)
                    : Mono.error(Outcomes.fromProblem(result, FIELD_PATHS)));
        })).map(TaskMapping::toTask).flatMap(Fhir::ok);
    }

    private Mono<JsonNode> offer(String id, String authorization) {
        return upstream.get(TRANSFER_TABLE, "/api/v1/offers/" + id, authorization)
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body()) : Mono.error(Outcomes.fromProblem(answer, Map.of())));
    }

    private static Object accepted(Type value) {
        return value instanceof BooleanType b ? b.getValue() : value.primitiveValue();
    }

    private static String token(String value) {
        int bar = value.indexOf('|');
        return bar < 0 ? value : value.substring(bar + 1);
    }
}
