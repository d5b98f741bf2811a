package nl.transfertafel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 item 17, notification's endpoints: huge, negative and malformed paging, long and unicode
 * strings, control characters, malformed JSON and wrong content types each get a 4xx problem+json,
 * never a 5xx (an overflowing {@code page * size} gave a negative OFFSET and a 500).
 */
@NotificationIntegrationTest
class HostileRequestsIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;

    private record Hostile(HttpMethod method, String uri, String token, MediaType type, String body) {
    }

    @Test
    void hostile_requests_get_a_4xx_problem_and_never_a_5xx() {
        String provider = Api.token("PROVIDER", TestEvents.agb(), "rotterdam");
        String coordinator = Api.token("COORDINATOR", TestEvents.agb(), "rotterdam");
        String admin = Api.token("ADMIN", "TRANSFERTAFEL", "rotterdam");
        String longText = "x".repeat(20_000);
        String longParameter = "x".repeat(3_000); // a request line stays under the server's 4 KB limit
        String unicode = "%F0%9F%92%A9%E2%80%AE%C3%BC";
        List<Hostile> requests = new ArrayList<>();
        for (String list : List.of("/api/v1/inbox", "/api/v1/deliveries")) {
            for (String token : List.of(provider, coordinator, admin)) {
                for (String paging : List.of("page=2147483647&size=2", "page=2147483647&size=200", "page=1073741824&size=2",
                        "page=-1", "page=-2147483648", "size=0", "size=-5", "size=2147483647", "page=abc", "size=1e3",
                        "page=99999999999999999999", "page=1.5")) {
                    requests.add(get(list + "?" + paging, token));
                }
            }
            requests.add(get(list + "?organisation=" + longParameter, admin));
            requests.add(get(list + "?organisation=%00", admin));
            requests.add(get(list + "?organisation=coordinators:%00", admin));
            requests.add(get(list + "?organisation=" + unicode, admin));
            requests.add(get(list + "?organisation=" + unicode, provider));
            requests.add(get(list + "?organisation=client:", admin));
        }
        requests.add(get("/api/v1/deliveries?status=NOPE", provider));
        requests.add(get("/api/v1/deliveries?organisation=client:%00", admin));
        requests.add(get("/api/v1/dead-letters?page=2147483647&size=2", admin));
        requests.add(get("/api/v1/dead-letters?organisation=%00", admin));
        requests.add(get("/api/v1/inbox/stream?organisation=%00", admin));
        requests.add(get("/api/v1/subscriptions?organisation=%00", admin));
        requests.add(get("/api/v1/subscriptions?organisation=" + longParameter, admin));
        requests.add(new Hostile(HttpMethod.POST, "/api/v1/inbox/not-a-uuid/read", provider, null, null));
        requests.add(new Hostile(HttpMethod.POST, "/api/v1/dead-letters/not-a-uuid/replay", admin, null, null));
        requests.add(new Hostile(HttpMethod.POST, "/api/v1/dead-letters/replay", admin, null, null));
        requests.add(new Hostile(HttpMethod.POST, "/api/v1/dead-letters/replay?organisation=%00", admin, null, null));
        for (String path : List.of("/api/v1/subscriptions", "/api/v1/subscriptions/webhook", "/api/v1/subscriptions/mailbox")) {
            for (String body : List.of("{", "[]", "\"x\"", "null", "{\"subscriptions\":[", "{\"url\":1,\"secret\":[]}",
                    "{\"subscriptions\":[{\"eventType\":\"" + longText + "\",\"channels\":[\"INBOX\"]}]}",
                    "{\"subscriptions\":[{\"eventType\":\"TransferOffered\",\"channels\":[\"FAX\"]}]}",
                    "{\"subscriptions\":[{\"eventType\":\"TransferOffered\",\"channels\":null}]}",
                    "{\"subscriptions\":[null]}",
                    "{\"url\":\"https://b\u00fccher.example/hook\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
                    "{\"url\":\"https://exa mple.org/\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
                    "{\"url\":\"https://" + "a".repeat(1990) + ".org/\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
                    "{\"url\":\"https://hooks.example.org/\",\"secret\":\"whsec_\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\"}",
                    "{\"url\":\"https://hooks.example.org/\",\"secret\":\"whsec_!!!!not-base64!!!!!!!!!\"}",
                    "{\"url\":\"https://hooks.example.org/\",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\",\"signatureScheme\":\"NOPE\"}",
                    "{\"address\":\"" + longText + "@example.org\"}", "{\"address\":\"\u00fc\u0000@example.org\"}")) {
                requests.add(new Hostile(HttpMethod.PUT, path, provider, MediaType.APPLICATION_JSON, body));
            }
            requests.add(new Hostile(HttpMethod.PUT, path, provider, MediaType.TEXT_PLAIN, "{}"));
            requests.add(new Hostile(HttpMethod.PUT, path + "?organisation=%00", admin, MediaType.APPLICATION_JSON,
                    "{\"address\":\"desk@example.org\"}"));
        }

        List<String> answers = new ArrayList<>();
        for (Hostile request : requests) {
            // as sent: already percent-encoded, so %00 reaches the service as a NUL character
            WebTestClient.RequestBodySpec spec = web.method(request.method())
                    .uri(builder -> java.net.URI.create(builder.build().toString() + request.uri()))
                    .headers(h -> h.setBearerAuth(request.token()));
            if (request.type() != null) {
                spec.contentType(request.type());
            }
            EntityExchangeResult<byte[]> result = (request.body() == null ? spec : spec.bodyValue(request.body()))
                    .exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            MediaType type = result.getResponseHeaders().getContentType();
            boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (status < 400 || status >= 500 || !problem) {
                answers.add(status + " " + type + " " + request.method() + " " + abbreviated(request.uri()) + " "
                        + abbreviated(String.valueOf(request.body())));
            }
        }
        System.out.printf("HostileRequestsIT: %d hostile requests, %d not answered with a 4xx problem%n", requests.size(),
                answers.size());
        assertThat(answers).isEmpty();
    }

    private static Hostile get(String uri, String token) {
        return new Hostile(HttpMethod.GET, uri, token, null, null);
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
