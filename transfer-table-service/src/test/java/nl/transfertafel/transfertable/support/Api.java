package nl.transfertafel.transfertable.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Calls the service's REST API as a given user. */
public final class Api {

    private final WebTestClient web;

    public Api(WebTestClient web) {
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    public static String token(DemoUser user) {
        return TestStack.tokens().tokenFor(user);
    }

    public static String token(String subject, String role, String organisation, String region) {
        return TestStack.tokens().token(subject, List.of(role), organisation, region);
    }

    public WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    public WebTestClient.ResponseSpec post(String token, String path, Object body) {
        var request = web.post().uri(path).headers(h -> h.setBearerAuth(token));
        return body == null ? request.exchange()
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body instanceof String s ? s
                        : EventJson.mapper().writeValueAsString(body)).exchange();
    }

    public JsonNode json(WebTestClient.ResponseSpec response, int status) {
        byte[] body = response.expectStatus().isEqualTo(status).expectBody().returnResult().getResponseBody();
        return EventJson.mapper().readTree(body == null ? "null".getBytes() : body);
    }

    public JsonNode queue(String token) {
        return json(get(token, "/api/v1/screening/queue"), 200);
    }

    public static Map<String, Object> body(Object... keyValues) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
