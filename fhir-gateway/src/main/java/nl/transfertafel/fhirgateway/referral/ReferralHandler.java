package nl.transfertafel.fhirgateway.referral;

import static nl.transfertafel.fhirgateway.upstream.Upstream.Service.INTAKE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.FhirRefusal;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * GP referrals: {@code POST /fhir/ServiceRequest} (the Patient contained), a transaction Bundle
 * with Patient + ServiceRequest, the GP's worklist and one referral. Conditional create
 * ({@code If-None-Exist}, or {@code Bundle.entry.request.ifNoneExist}) becomes intake's
 * {@code Idempotency-Key}: a repeat answers the first referral with 200 instead of registering
 * another; the same key with another referral is 412.
 */
@Component
public class ReferralHandler {

    private final Upstream upstream;

    public ReferralHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    public Mono<ServerResponse> create(ServerRequest request) {
        String ifNoneExist = request.headers().firstHeader("If-None-Exist");
        return Fhir.read(request, ServiceRequest.class)
                .flatMap(sent -> refer(sent, containedPatient(sent), ifNoneExist, Fhir.authorization(request)))
                .flatMap(created -> ServerResponse.status(created.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .header("Location", "ServiceRequest/" + created.request().getIdPart())
                        .header("ETag", "W/\"" + created.request().getMeta().getVersionId() + "\"")
                        .contentType(Fhir.FHIR_JSON).bodyValue(Fhir.encode(created.request())));
    }

    /** {@code POST /fhir} with a transaction Bundle: each ServiceRequest is referred with the Patient it names. */
    public Mono<ServerResponse> transaction(ServerRequest request) {
        return Fhir.read(request, Bundle.class).flatMap(bundle -> {
            if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
                return Mono.error(new FhirRefusal(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.NOTSUPPORTED,
                        "only transaction Bundles are accepted", "Bundle.type"));
            }
            List<Mono<Bundle.BundleEntryComponent>> answers = new ArrayList<>();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (resource instanceof ServiceRequest serviceRequest) {
                    Patient patient = patientIn(bundle, serviceRequest);
                    String ifNoneExist = entry.getRequest().getIfNoneExist();
                    answers.add(Mono.defer(() -> refer(serviceRequest, patient, ifNoneExist, Fhir.authorization(request))
                            .map(created -> {
                                Bundle.BundleEntryComponent answer = new Bundle.BundleEntryComponent();
                                answer.getResponse().setStatus(created.replayed() ? "200 OK" : "201 Created")
                                        .setLocation("ServiceRequest/" + created.request().getIdPart() + "/_history/"
                                                + created.request().getMeta().getVersionId());
                                answer.setFullUrl(Vocabulary.BASE + "/ServiceRequest/" + created.request().getIdPart());
                                answer.setResource(created.request());
                                return answer;
                            })));
                } else if (resource instanceof Patient) {
                    Bundle.BundleEntryComponent answer = new Bundle.BundleEntryComponent();
                    answer.getResponse().setStatus("200 OK").setOutcome(Outcomes.single(OperationOutcome.IssueType.INFORMATIONAL,
                            "the client's details are kept with the referral inside intake-service; no Patient is served", null));
                    answer.getResponse().getOutcome().getChildByName("issue");
                    ((OperationOutcome) answer.getResponse().getOutcome()).getIssueFirstRep()
                            .setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
                    answers.add(Mono.just(answer));
                } else {
                    return Mono.error(new FhirRefusal(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.NOTSUPPORTED,
                            "a referral transaction holds Patient and ServiceRequest entries only", "Bundle.entry.resource"));
                }
            }
            // in order, so a failing referral stops the ones after it (the ones before are registered: see docs/fhir.md)
            return reactor.core.publisher.Flux.concat(answers).collectList().map(entries -> {
                Bundle response = new Bundle();
                response.setType(Bundle.BundleType.TRANSACTIONRESPONSE);
                entries.forEach(response::addEntry);
                return response;
            });
        }).flatMap(Fhir::ok);
    }

    /** {@code GET /fhir/ServiceRequest?requester=<agb-z system>|<code>}: the GP's worklist as a searchset. */
    public Mono<ServerResponse> search(ServerRequest request) {
        String count = request.queryParam("_count").orElse("100");
        return upstream.get(INTAKE, "/api/v1/referrals?limit=" + Integer.parseInt(count), Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body())
                        : Mono.error(Outcomes.fromProblem(answer, Map.of())))
                .map(items -> {
                    Bundle bundle = new Bundle();
                    bundle.setType(Bundle.BundleType.SEARCHSET);
                    // intake answers the caller's own practice's worklist only (scoped by the token, never by
                    // request data), and its items do not repeat the practice: every item is the requester's
                    for (JsonNode item : items) {
                        ServiceRequest serviceRequest = ReferralMapping.fromWorklist(item);
                        bundle.addEntry().setFullUrl(Vocabulary.BASE + "/ServiceRequest/" + serviceRequest.getIdPart())
                                .setResource(serviceRequest).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
                    }
                    bundle.setTotal(bundle.getEntry().size());
                    return bundle;
                }).flatMap(Fhir::ok);
    }

    public Mono<ServerResponse> read(ServerRequest request) {
        String id = request.pathVariable("id");
        return upstream.get(INTAKE, "/api/v1/referrals/" + id, Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Fhir.ok(ReferralMapping.fromWorklist(answer.body()))
                        : Mono.error(Outcomes.fromProblem(answer, Map.of())));
    }

    record Created(ServiceRequest request, boolean replayed) {
    }

    private Mono<Created> refer(ServiceRequest sent, Patient patient, String ifNoneExist, String authorization) {
        if (patient == null) {
            return Mono.error(new FhirRefusal(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.REQUIRED,
                    "ServiceRequest.subject must name a Patient (contained, or an entry of the transaction)", "ServiceRequest.subject"));
        }
        Map<String, Object> referral = ReferralMapping.toReferral(sent, patient);
        return upstream.post(INTAKE, "/api/v1/referrals", authorization, referral, headers -> {
            if (ifNoneExist != null && !ifNoneExist.isBlank()) {
                headers.set("Idempotency-Key", ifNoneExist.trim());
            }
        }).flatMap(answer -> {
            if (answer.ok()) {
                boolean replayed = "true".equalsIgnoreCase(answer.headers().getFirst("Idempotent-Replayed"));
                return Mono.just(new Created(ReferralMapping.created(answer.body(), sent), replayed));
            }
            if (answer.status() == 409 && ifNoneExist != null) {
                return Mono.error(new FhirRefusal(HttpStatus.PRECONDITION_FAILED, OperationOutcome.IssueType.DUPLICATE,
                        "If-None-Exist matches an earlier referral with other content", null));
            }
            return Mono.error(Outcomes.fromProblem(answer, ReferralMapping.FIELD_PATHS));
        });
    }

    private static Patient containedPatient(ServiceRequest request) {
        if (request.getSubject().getResource() instanceof Patient patient) {
            return patient;
        }
        String reference = request.getSubject().getReference();
        return request.getContained().stream().filter(Patient.class::isInstance).map(Patient.class::cast)
                .filter(p -> reference == null || reference.equals("#" + p.getIdPart()) || reference.equals(p.getId()))
                .findFirst().orElse(null);
    }

    private static Patient patientIn(Bundle bundle, ServiceRequest request) {
        Patient contained = containedPatient(request);
        if (contained != null) {
            return contained;
        }
        String reference = request.getSubject().getReference();
        return bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof Patient)
                .filter(e -> reference != null && (reference.equals(e.getFullUrl())
                        || reference.equals("Patient/" + e.getResource().getIdPart())))
                .map(e -> (Patient) e.getResource()).findFirst().orElse(null);
    }

    /** The code of a token search parameter ({@code system|code} or {@code code}). */
    private static String token(String value) {
        int bar = value.indexOf('|');
        return bar < 0 ? value : value.substring(bar + 1);
    }
}
