package nl.transfertafel.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.demo.DemoData;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import tools.jackson.databind.JsonNode;

/**
 * Loads the capacity part of the demo data through capacity-service's public API, the way the real
 * actors would: the administrator registers every provider with its locations and offerings, each
 * insurer records its contracts and budget ceilings with its own token, and each provider announces
 * its capacity for a registered location and offering with its own token.
 */
final class CapacityDemoLoader {

    record Loaded(int providers, int contracts, int capacityLines, int refused) {
        @Override
        public String toString() {
            return providers + " providers, " + contracts + " contracts, " + capacityLines + " capacity lines"
                    + (refused > 0 ? ", " + refused + " refused" : "");
        }
    }

    private final String capacityUrl;
    private final LocalTokenIssuer tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CapacityDemoLoader(String capacityUrl, LocalTokenIssuer tokens) {
        this.capacityUrl = capacityUrl;
        this.tokens = tokens;
    }

    Loaded load(DemoData data) {
        String admin = tokens.tokenFor(DemoUsers.ADMIN);
        Map<String, JsonNode> registered = new HashMap<>();
        Map<String, String> regionOf = new HashMap<>();
        int refused = 0;
        // the registry first, then the contracts, then the capacity: each step's requests a few at a time
        List<Optional<JsonNode>> records = InParallel.map(data.providers(),
                provider -> send("PUT", "/api/v1/providers/" + provider.agb(), admin, providerBody(provider)));
        for (int i = 0; i < records.size(); i++) {
            DemoData.Provider provider = data.providers().get(i);
            if (records.get(i).isPresent()) {
                registered.put(provider.agb(), records.get(i).get());
                regionOf.put(provider.agb(), provider.region());
            } else {
                refused++;
            }
        }
        List<Boolean> contracted = InParallel.map(data.contracts(), contract -> {
            String region = regionOf.getOrDefault(contract.providerAgb(), DemoUsers.REGION);
            String insurer = tokens.token("zorgbemiddeling-" + contract.insurerUzovi(), List.of("INSURER"),
                    contract.insurerUzovi(), region);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contracted", contract.contracted());
            if (contract.contracted()) {
                body.put("ceilingEuro", contract.ceilingEuro());
                body.put("usedEuro", contract.usedEuro());
            }
            return send("PUT", "/api/v1/contracts/" + contract.insurerUzovi() + "/" + contract.providerAgb(), insurer, body)
                    .isPresent();
        });
        int contracts = (int) contracted.stream().filter(ok -> ok).count();
        refused += contracted.size() - contracts;
        List<Boolean> announced = InParallel.map(data.capacity(), capacity -> {
            JsonNode provider = registered.get(capacity.providerAgb());
            Optional<String> location = provider == null ? Optional.empty() : locationId(provider, capacity);
            Optional<String> offering = provider == null ? Optional.empty() : offeringId(provider, capacity);
            if (location.isEmpty() || offering.isEmpty()) {
                System.err.println("demo data: no registered location/offering for capacity of " + capacity.providerAgb());
                return false;
            }
            String token = tokens.token("intake-desk-" + capacity.providerAgb(), List.of("PROVIDER"),
                    capacity.providerAgb(), capacity.region());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("locationId", location.get());
            body.put("offeringId", offering.get());
            body.put("places", capacity.places());
            body.put("availableFrom", capacity.availableFrom().toString());
            body.put("availableUntil", capacity.availableUntil().toString());
            return send("POST", "/api/v1/capacity", token, body).isPresent();
        });
        int lines = (int) announced.stream().filter(ok -> ok).count();
        refused += announced.size() - lines;
        return new Loaded(registered.size(), contracts, lines, refused);
    }

    private static Map<String, Object> providerBody(DemoData.Provider provider) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", provider.name());
        body.put("type", provider.type());
        body.put("region", provider.region());
        body.put("locations", provider.locations().stream().map(location -> {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("postcode", location.postcode() + "AA");
            l.put("city", location.city());
            l.put("region", provider.region());
            return l;
        }).toList());
        body.put("offerings", provider.offerings().stream().map(offering -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("diagnosisGroups", offering.diagnosisGroups());
            o.put("careLevel", offering.careLevel());
            o.put("minAge", offering.minAge());
            o.put("maxAge", offering.maxAge());
            o.put("exclusions", offering.exclusions());
            return o;
        }).toList());
        return body;
    }

    private static Optional<String> locationId(JsonNode provider, DemoData.Capacity capacity) {
        for (JsonNode location : provider.get("locations")) {
            if (location.get("postcode").asText().startsWith(capacity.locationPostcode())) {
                return Optional.of(location.get("locationId").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> offeringId(JsonNode provider, DemoData.Capacity capacity) {
        List<String> groups = capacity.diagnosisGroups().stream().map(Enum::name).toList();
        for (JsonNode offering : provider.get("offerings")) {
            List<String> offered = offering.get("diagnosisGroups").valueStream().map(JsonNode::asText).toList();
            if (offered.equals(groups) && offering.get("careLevel").asText().equals(capacity.careLevel().name())) {
                return Optional.of(offering.get("offeringId").asText());
            }
        }
        return Optional.empty();
    }

    private Optional<JsonNode> send(String method, String path, String token, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(capacityUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.err.println("demo data: " + method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
                return Optional.empty();
            }
            return Optional.of(EventJson.mapper().readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
