package nl.transfertafel.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.demo.DemoData;

/**
 * Loads generated demo data the way real users would: each provider announces its capacity and
 * each GP refers its clients through the public APIs, with tokens for those organisations. So the
 * events, the read model and the notifications fill up exactly as in production.
 */
final class DemoLoader {

    record Loaded(int capacityLines, int referrals, int refused) {
        @Override
        public String toString() {
            return capacityLines + " capacity lines, " + referrals + " referrals" + (refused > 0 ? ", " + refused + " refused" : "");
        }
    }

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoLoader(LocalStack stack) {
        this.stack = stack;
    }

    Loaded load(DemoData data) {
        // the registry, contracts and capacity (capacity-service), through its own public API
        CapacityDemoLoader.Loaded capacity = new CapacityDemoLoader(stack.url(ServiceKind.CAPACITY), stack.tokens())
                .load(data);
        System.out.println("demo data (capacity): " + capacity);
        int lines = capacity.capacityLines();
        int referrals = 0;
        int refused = capacity.refused();
        for (DemoData.Client client : data.clients()) {
            String token = stack.tokens().token("gp-" + client.gpAgb(), List.of("GP"), client.gpAgb(), client.region());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("bsn", client.bsn());
            body.put("dateOfBirth", client.dateOfBirth().toString());
            body.put("postcode", client.postcode());
            body.put("insurerUzovi", client.insurerUzovi());
            body.put("diagnosisGroup", client.diagnosisGroup());
            body.put("careLevel", client.careLevel());
            body.put("urgency", client.urgency());
            body.put("maxTravelKm", client.maxTravelKm());
            body.put("eHealthAcceptable", client.eHealthAcceptable());
            body.put("screeningConsent", client.screeningConsent());
            if (post(ServiceKind.INTAKE, "/api/v1/referrals", token, body)) {
                referrals++;
            } else {
                refused++;
            }
        }
        return new Loaded(lines, referrals, refused);
    }

    private boolean post(ServiceKind service, String path, String token, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(EventJson.mapper().writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.err.println("demo data: " + path + " answered " + response.statusCode() + ": " + response.body());
                return false;
            }
            return true;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
