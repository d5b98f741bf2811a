package nl.transfertafel.fhirgateway.capacity;

import static nl.transfertafel.fhirgateway.fhir.Vocabulary.AGB;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.CARE_LEVEL;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.DIAGNOSIS_GROUP;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.PROVIDER_TYPE;
import static nl.transfertafel.fhirgateway.upstream.Upstream.Service.CAPACITY;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A provider's registry record (capacity-service {@code GET /api/v1/providers/{agb}}) as the
 * HealthcareService its Slots belong to, and its one Schedule ({@code Schedule/<agb>}). Both have
 * the provider's AGB as id, so a Slot's schedule reference resolves without a store.
 */
@Component
public class ProviderHandler {

    private final Upstream upstream;

    public ProviderHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    public Mono<ServerResponse> healthcareService(ServerRequest request) {
        return provider(request).map(ProviderHandler::toHealthcareService).flatMap(Fhir::ok);
    }

    public Mono<ServerResponse> schedule(ServerRequest request) {
        return provider(request).map(ProviderHandler::toSchedule).flatMap(Fhir::ok);
    }

    private Mono<JsonNode> provider(ServerRequest request) {
        return upstream.get(CAPACITY, "/api/v1/providers/" + request.pathVariable("id"), Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body()) : Mono.error(Outcomes.fromProblem(answer, Map.of())));
    }

    static HealthcareService toHealthcareService(JsonNode provider) {
        HealthcareService service = new HealthcareService();
        String agb = provider.path("agb").asText();
        service.setId(agb);
        service.addIdentifier(new Identifier().setSystem(AGB).setValue(agb));
        service.setActive(provider.path("active").asBoolean(true));
        service.setName(provider.path("name").asText(null));
        service.setProvidedBy(new Reference().setIdentifier(new Identifier().setSystem(AGB).setValue(agb)));
        if (provider.hasNonNull("type")) {
            service.addCategory(PROVIDER_TYPE.concept(provider.path("type").asText()));
        }
        Set<String> groups = new LinkedHashSet<>();
        Set<String> levels = new LinkedHashSet<>();
        for (JsonNode offering : provider.path("offerings")) {
            offering.path("diagnosisGroups").forEach(g -> groups.add(g.asText()));
            if (offering.hasNonNull("careLevel")) {
                levels.add(offering.path("careLevel").asText());
            }
        }
        groups.forEach(g -> service.addType(DIAGNOSIS_GROUP.concept(g)));
        levels.forEach(l -> service.addSpecialty(CARE_LEVEL.concept(l)));
        for (JsonNode location : provider.path("locations")) {
            service.addCoverageArea().setDisplay("postcode area " + location.path("postcodeArea").asText()
                    + (location.hasNonNull("city") ? " (" + location.path("city").asText() + ")" : ""));
        }
        return service;
    }

    static Schedule toSchedule(JsonNode provider) {
        Schedule schedule = new Schedule();
        String agb = provider.path("agb").asText();
        schedule.setId(agb);
        schedule.setActive(provider.path("active").asBoolean(true));
        schedule.addActor(new Reference("HealthcareService/" + agb));
        schedule.setComment("free intake places of " + provider.path("name").asText(agb) + ": its Slots");
        return schedule;
    }
}
