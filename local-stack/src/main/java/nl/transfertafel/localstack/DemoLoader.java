package nl.transfertafel.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.demo.DemoData;

/**
 * Loads generated demo data the way real users would: each provider announces its capacity and
 * each GP refers its clients through the public APIs, with tokens for those organisations. So the
 * events, the read model and the notifications fill up exactly as in production. Clients who have
 * waited already ({@code daysWaited > 0}) at a provider are brought in by that provider through the
 * onboarding endpoint with their original registration date, so waiting times and Treeknorm
 * signals in the demo are real; the others are referred by their GP today.
 */
public final class DemoLoader {

    public record Loaded(int capacityLines, int referrals, int onboarded, int refused) {
        @Override
        public String toString() {
            return capacityLines + " capacity lines, " + referrals + " referrals, " + onboarded
                    + " waiting clients brought in from existing lists" + (refused > 0 ? ", " + refused + " refused" : "");
        }
    }

    private final Function<ServiceKind, String> urls;
    private final LocalTokenIssuer tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code urls}: where each service answers (in cluster mode, its first instance). */
    public DemoLoader(Function<ServiceKind, String> urls, LocalTokenIssuer tokens) {
        this.urls = urls;
        this.tokens = tokens;
    }

    public Loaded load(DemoData data) {
        // the registry, contracts and capacity (capacity-service), through its own public API
        CapacityDemoLoader.Loaded capacity = new CapacityDemoLoader(urls.apply(ServiceKind.CAPACITY), tokens)
                .load(data);
        System.out.println("demo data (capacity): " + capacity);
        int lines = capacity.capacityLines();
        LocalDate today = LocalDate.now();
        // the clients a few at a time (each is one referral or one onboarded entry, independent of the others)
        List<String> outcomes = InParallel.map(data.clients(), client -> {
            Map<String, Object> body = clientBody(client);
            if (client.daysWaited() > 0 && client.preferredProviderAgb() != null) {
                // an existing waiting list: the provider brings the client in with the original registration date
                String token = tokens.token("intake-desk-" + client.preferredProviderAgb(), List.of("PROVIDER"),
                        client.preferredProviderAgb(), client.region());
                body.put("referrerAgb", client.gpAgb());
                body.put("registeredOn", today.minusDays(client.daysWaited()).toString());
                return post(ServiceKind.INTAKE, "/api/v1/waiting-list/entries", token, body) ? "onboarded" : "refused";
            }
            String token = tokens.token("gp-" + client.gpAgb(), List.of("GP"), client.gpAgb(), client.region());
            body.put("preferredProviderAgb", client.preferredProviderAgb());
            return post(ServiceKind.INTAKE, "/api/v1/referrals", token, body) ? "referred" : "refused";
        });
        int referrals = (int) outcomes.stream().filter("referred"::equals).count();
        int onboarded = (int) outcomes.stream().filter("onboarded"::equals).count();
        int refused = capacity.refused() + (int) outcomes.stream().filter("refused"::equals).count();
        return new Loaded(lines, referrals, onboarded, refused);
    }

    /** The client as intake-service takes it, from a referral or an onboarded list alike. */
    private static Map<String, Object> clientBody(DemoData.Client client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bsn", client.bsn());
        body.put("name", client.name());
        body.put("dateOfBirth", client.dateOfBirth().toString());
        body.put("postcode", client.postcode());
        body.put("email", client.email());
        body.put("phone", client.phone());
        body.put("language", client.language());
        body.put("insurerUzovi", client.insurerUzovi());
        body.put("diagnosisGroup", client.diagnosisGroup());
        body.put("careLevel", client.careLevel());
        body.put("urgency", client.urgency());
        body.put("maxTravelKm", client.maxTravelKm());
        body.put("eHealthAcceptable", client.eHealthAcceptable());
        body.put("screeningConsent", client.screeningConsent());
        return body;
    }

    private boolean post(ServiceKind service, String path, String token, Map<String, Object> body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.apply(service) + path))
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
