package nl.transfertafel.capacity.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The service's API as tests call it, with real tokens from the test token issuer. */
public final class CapacityApi {

    private final WebTestClient web;

    public CapacityApi(WebTestClient web) {
        this.web = web;
    }

    public static String admin() {
        return TestStack.tokens().tokenFor(DemoUsers.ADMIN);
    }

    public static String provider(String agb) {
        return TestStack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, "rotterdam");
    }

    public static String insurer(String uzovi) {
        return TestStack.tokens().token("mediation-" + uzovi, List.of("INSURER"), uzovi, "rotterdam");
    }

    public static String transferTable() {
        return TestStack.tokens().serviceToken("transfer-table-service");
    }

    public static String coordinator() {
        return TestStack.tokens().tokenFor(DemoUsers.COORDINATOR_A);
    }

    public WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** A write with an {@code Idempotency-Key} header, as a client that may retry sends it. */
    public WebTestClient.ResponseSpec post(String token, String path, Object body, String idempotencyKey) {
        return web.post().uri(path).headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Idempotency-Key", idempotencyKey);
                }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** A raw JSON body, for input a map cannot express (numbers with decimals, far dates, malformed JSON). */
    public WebTestClient.ResponseSpec postJson(String token, String path, String json) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec put(String token, String path, Object body) {
        return web.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** A raw JSON body for a PUT (null elements and other input a map cannot express). */
    public WebTestClient.ResponseSpec putJson(String token, String path, String json) {
        return web.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec post(String token, String path) {
        return web.post().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public static JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody().returnResult().getResponseBody();
        return nl.transfertafel.contracts.events.EventJson.mapper().readTree(body);
    }

    /** Registers a provider as ADMIN and answers its record (with location and offering ids). */
    public JsonNode register(String agb, Map<String, Object> body) {
        return json(put(admin(), "/api/v1/providers/" + agb, body).expectStatus().isCreated());
    }

    /** Announces places for the first location and offering of a registered provider, as the provider itself. */
    public JsonNode announce(JsonNode provider, int places, LocalDate from, LocalDate until) {
        return json(post(provider(provider.get("agb").asText()), "/api/v1/capacity",
                registeredAnnouncement(provider, places, from, until)).expectStatus().isCreated());
    }

    public static Map<String, Object> registeredAnnouncement(JsonNode provider, int places, LocalDate from,
            LocalDate until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locationId", provider.get("locations").get(0).get("locationId").asText());
        body.put("offeringId", provider.get("offerings").get(0).get("offeringId").asText());
        body.put("places", places);
        body.put("availableFrom", from.toString());
        if (until != null) {
            body.put("availableUntil", until.toString());
        }
        return body;
    }

    public static Map<String, Object> reservation(String lineId, String proposalId) {
        return Map.of("capacityLineId", lineId, "proposalId", proposalId);
    }
}
