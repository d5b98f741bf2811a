package nl.transfertafel.fhirgateway.capacity;

import static nl.transfertafel.fhirgateway.fhir.Vocabulary.CARE_LEVEL;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.DIAGNOSIS_GROUP;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.EXTENSION;
import static nl.transfertafel.fhirgateway.fhir.Vocabulary.PROVIDER_TYPE;
import static nl.transfertafel.fhirgateway.upstream.Upstream.Service.CAPACITY;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.fhirgateway.fhir.Fhir;
import nl.transfertafel.fhirgateway.fhir.Outcomes;
import nl.transfertafel.fhirgateway.fhir.Vocabulary;
import nl.transfertafel.fhirgateway.upstream.Upstream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Slot;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Capacity as Slots: each capacity line at capacity-service is one Slot of the provider's Schedule
 * ({@code Schedule/<agb>}), free while it has places left. {@code POST /fhir/Slot} announces places
 * ({@code POST /api/v1/capacity}), either for a registered location and offering (extensions
 * location-id and offering-id) or in the minimal form (serviceCategory = provider type, extension
 * location-postcode, serviceType = diagnosis groups, specialty = care level).
 */
@Component
public class SlotHandler {

    static final String PLACES = EXTENSION + "places";
    static final String PLACES_LEFT = EXTENSION + "places-left";
    static final String LOCATION_ID = EXTENSION + "location-id";
    static final String OFFERING_ID = EXTENSION + "offering-id";
    static final String LOCATION_POSTCODE = EXTENSION + "location-postcode";
    private static final ZoneId NL = ZoneId.of("Europe/Amsterdam");
    /** A Slot needs an end; a line open until further notice is shown as free for a year from its start. */
    private static final int OPEN_ENDED_DAYS = 365;

    private static final Map<String, String> FIELD_PATHS = Map.of(
            "places", "Slot.extension('" + PLACES + "')",
            "availableFrom", "Slot.start", "availableUntil", "Slot.end",
            "diagnosisGroups", "Slot.serviceType", "careLevel", "Slot.specialty",
            "providerType", "Slot.serviceCategory", "locationPostcode", "Slot.extension('" + LOCATION_POSTCODE + "')",
            "locationId", "Slot.extension('" + LOCATION_ID + "')", "offeringId", "Slot.extension('" + OFFERING_ID + "')",
            "providerAgb", "Slot.schedule");

    private final Upstream upstream;

    public SlotHandler(Upstream upstream) {
        this.upstream = upstream;
    }

    public Mono<ServerResponse> create(ServerRequest request) {
        return Fhir.read(request, Slot.class).flatMap(slot -> upstream.post(CAPACITY, "/api/v1/capacity",
                Fhir.authorization(request), announcement(slot), headers -> {
                }))
                .flatMap(answer -> answer.ok() ? Mono.just(toSlot(answer.body()))
                        : Mono.error(Outcomes.fromProblem(answer, FIELD_PATHS)))
                .flatMap(slot -> ServerResponse.status(HttpStatus.CREATED).header("Location", "Slot/" + slot.getIdPart())
                        .contentType(Fhir.FHIR_JSON).bodyValue(Fhir.encode(slot)));
    }

    /** {@code GET /fhir/Slot?schedule=Schedule/<agb>&status=free}. */
    public Mono<ServerResponse> search(ServerRequest request) {
        Optional<String> provider = request.queryParam("schedule").map(s -> s.substring(s.lastIndexOf('/') + 1));
        Optional<String> status = request.queryParam("status");
        String query = "?liveOnly=true" + provider.map(p -> "&providerAgb=" + p).orElse("");
        return upstream.get(CAPACITY, "/api/v1/capacity" + query, Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Mono.just(answer.body()) : Mono.error(Outcomes.fromProblem(answer, Map.of())))
                .map(lines -> {
                    Bundle bundle = new Bundle();
                    bundle.setType(Bundle.BundleType.SEARCHSET);
                    JsonNode items = lines.isArray() ? lines : lines.path("items");
                    for (JsonNode line : items) {
                        Slot slot = toSlot(line);
                        if (status.map(s -> s.equals(slot.getStatus().toCode())).orElse(true)) {
                            bundle.addEntry().setFullUrl(Vocabulary.BASE + "/Slot/" + slot.getIdPart()).setResource(slot)
                                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
                        }
                    }
                    bundle.setTotal(bundle.getEntry().size());
                    return bundle;
                }).flatMap(Fhir::ok);
    }

    public Mono<ServerResponse> read(ServerRequest request) {
        return upstream.get(CAPACITY, "/api/v1/capacity/" + request.pathVariable("id"), Fhir.authorization(request))
                .flatMap(answer -> answer.ok() ? Fhir.ok(toSlot(answer.body()))
                        : Mono.error(Outcomes.fromProblem(answer, Map.of())));
    }

    static Map<String, Object> announcement(Slot slot) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (slot.getSchedule().hasIdentifier()) {
            body.put("providerAgb", slot.getSchedule().getIdentifier().getValue());
        } else if (slot.getSchedule().hasReference() && slot.getSchedule().getReference().startsWith("Schedule/")) {
            body.put("providerAgb", slot.getSchedule().getReference().substring("Schedule/".length()));
        }
        text(slot, LOCATION_ID).ifPresent(v -> body.put("locationId", v));
        text(slot, OFFERING_ID).ifPresent(v -> body.put("offeringId", v));
        slot.getServiceCategory().stream().map(PROVIDER_TYPE::codeIn).flatMap(Optional::stream).findFirst()
                .ifPresent(v -> body.put("providerType", v));
        text(slot, LOCATION_POSTCODE).ifPresent(v -> body.put("locationPostcode", v));
        List<String> groups = new ArrayList<>();
        slot.getServiceType().stream().map(DIAGNOSIS_GROUP::codeIn).flatMap(Optional::stream).forEach(groups::add);
        if (!groups.isEmpty()) {
            body.put("diagnosisGroups", groups);
        }
        slot.getSpecialty().stream().map(CARE_LEVEL::codeIn).flatMap(Optional::stream).findFirst()
                .ifPresent(v -> body.put("careLevel", v));
        Extension places = slot.getExtensionByUrl(PLACES);
        body.put("places", places == null || !places.hasValue() ? 1
                : places.getValue() instanceof IntegerType i ? i.getValue() : places.getValue().primitiveValue());
        if (slot.hasStart()) {
            body.put("availableFrom", slot.getStart().toInstant().atZone(NL).toLocalDate().toString());
        }
        if (slot.hasEnd()) {
            body.put("availableUntil", slot.getEnd().toInstant().atZone(NL).toLocalDate().toString());
        }
        return body;
    }

    static Slot toSlot(JsonNode line) {
        Slot slot = new Slot();
        slot.setId(line.path("capacityLineId").asText());
        if (line.hasNonNull("version")) {
            slot.getMeta().setVersionId(line.path("version").asText());
        }
        slot.setSchedule(new Reference("Schedule/" + line.path("providerAgb").asText()));
        boolean free = "OPEN".equals(line.path("state").asText()) && line.path("placesLeft").asInt(0) > 0;
        slot.setStatus(free ? Slot.SlotStatus.FREE : Slot.SlotStatus.BUSY);
        LocalDate from = LocalDate.parse(line.path("availableFrom").asText());
        LocalDate until = line.hasNonNull("availableUntil") ? LocalDate.parse(line.path("availableUntil").asText())
                : from.plusDays(OPEN_ENDED_DAYS);
        slot.setStart(Date.from(from.atStartOfDay(NL).toInstant()));
        slot.setEnd(Date.from(until.plusDays(1).atStartOfDay(NL).toInstant()));
        if (line.hasNonNull("providerType")) {
            slot.addServiceCategory(PROVIDER_TYPE.concept(line.path("providerType").asText()));
        }
        for (JsonNode group : line.path("diagnosisGroups")) {
            slot.addServiceType(DIAGNOSIS_GROUP.concept(group.asText()));
        }
        if (line.hasNonNull("careLevel")) {
            slot.addSpecialty(CARE_LEVEL.concept(line.path("careLevel").asText()));
        }
        slot.addExtension(PLACES, new IntegerType(line.path("places").asInt()));
        slot.addExtension(PLACES_LEFT, new IntegerType(line.path("placesLeft").asInt()));
        if (line.hasNonNull("locationId")) {
            slot.addExtension(LOCATION_ID, new StringType(line.path("locationId").asText()));
        }
        if (line.hasNonNull("offeringId")) {
            slot.addExtension(OFFERING_ID, new StringType(line.path("offeringId").asText()));
        }
        if (line.hasNonNull("postcodeArea")) {
            slot.setComment("postcode area " + line.path("postcodeArea").asText());
        }
        return slot;
    }

    private static Optional<String> text(Slot slot, String url) {
        Extension extension = slot.getExtensionByUrl(url);
        return extension == null || !extension.hasValue() ? Optional.empty() : Optional.of(extension.getValue().primitiveValue());
    }

    static boolean isIn(CodeableConcept concept, Vocabulary.System system) {
        return system.codeIn(concept).isPresent();
    }
}
