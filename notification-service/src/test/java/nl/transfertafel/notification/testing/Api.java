package nl.transfertafel.notification.testing;

import java.time.Duration;
import java.util.List;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.testkit.TestStack;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Calls the service's API as a given user of a given organisation. */
public final class Api {

    private final WebTestClient web;

    public Api(WebTestClient web) {
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    public static String token(String role, String organisation, String region) {
        return TestStack.tokens().token(role.toLowerCase() + "-" + organisation, List.of(role), organisation, region);
    }

    public static String userToken(String user, String role, String organisation, String region) {
        return TestStack.tokens().token(user, List.of(role), organisation, region);
    }

    public WebTestClient.ResponseSpec get(String token, String uri) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public WebTestClient.ResponseSpec put(String token, String uri, String json) {
        return web.put().uri(uri).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    public WebTestClient.ResponseSpec post(String token, String uri) {
        return web.post().uri(uri).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public JsonNode json(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus().is2xxSuccessful().expectBody().returnResult().getResponseBody();
        return EventJson.mapper().readTree(body);
    }

    /**
     * Registers a webhook and subscribes the given event types to it (keeping the inbox on): a
     * {@code whsec_} secret on the Standard Webhooks scheme (the default), another on the earlier one.
     */
    public void webhook(String token, String url, String secret, String... eventTypes) {
        String scheme = secret.startsWith("whsec_") ? "" : ",\"signatureScheme\":\"TRANSFERTAFEL_V1\"";
        put(token, "/api/v1/subscriptions/webhook",
                "{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\"" + scheme + "}")
                .expectStatus().isOk();
        subscribe(token, "[\"INBOX\",\"WEBHOOK\"]", eventTypes);
    }

    public void mailbox(String token, String address, String... eventTypes) {
        put(token, "/api/v1/subscriptions/mailbox", "{\"address\":\"" + address + "\"}").expectStatus().isOk();
        subscribe(token, "[\"INBOX\",\"EMAIL\"]", eventTypes);
    }

    public void subscribe(String token, String channelsJson, String... eventTypes) {
        StringBuilder json = new StringBuilder("{\"subscriptions\":[");
        for (int i = 0; i < eventTypes.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"eventType\":\"").append(eventTypes[i])
                    .append("\",\"channels\":").append(channelsJson).append('}');
        }
        json.append("]}");
        put(token, "/api/v1/subscriptions", json.toString()).expectStatus().isOk();
    }
}
