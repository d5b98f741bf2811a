package nl.transfertafel.fhirgateway.upstream;

import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the services' REST APIs on the caller's behalf: the caller's {@code Authorization} header is
 * passed on unchanged, so each service decides what the caller may do exactly as it does for its
 * own clients. Every answer (also 4xx) comes back as an {@link Answer}; the gateway translates it.
 */
@Component
public class Upstream {

    public enum Service { INTAKE, CAPACITY, TRANSFER_TABLE, NOTIFICATION }

    /** A service's answer: status, headers and the body as JSON (an empty object when there is none). */
    public record Answer(int status, HttpHeaders headers, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final WebClient client;
    private final UpstreamProperties properties;

    public Upstream(UpstreamProperties properties) {
        // bodies travel as text (HAPI and Jackson 3 parse them here), so the plain builder's codecs suffice
        this.client = WebClient.builder().build();
        this.properties = properties;
    }

    public Mono<Answer> get(Service service, String path, String authorization) {
        return exchange(HttpMethod.GET, service, path, authorization, null, headers -> {
        });
    }

    public Mono<Answer> post(Service service, String path, String authorization, Object body, Consumer<HttpHeaders> extra) {
        return exchange(HttpMethod.POST, service, path, authorization, body, extra);
    }

    public Mono<Answer> put(Service service, String path, String authorization, Object body) {
        return exchange(HttpMethod.PUT, service, path, authorization, body, headers -> {
        });
    }

    public Mono<Answer> delete(Service service, String path, String authorization) {
        return exchange(HttpMethod.DELETE, service, path, authorization, null, headers -> {
        });
    }

    private Mono<Answer> exchange(HttpMethod method, Service service, String path, String authorization, Object body,
            Consumer<HttpHeaders> extra) {
        WebClient.RequestBodySpec request = client.method(method).uri(base(service) + path)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                    headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
                    extra.accept(headers);
                });
        WebClient.RequestHeadersSpec<?> withBody = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(JSON.writeValueAsString(body));
        return withBody.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(text -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(),
                        text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text))));
    }

    private String base(Service service) {
        return switch (service) {
            case INTAKE -> properties.intakeUrl();
            case CAPACITY -> properties.capacityUrl();
            case TRANSFER_TABLE -> properties.transferTableUrl();
            case NOTIFICATION -> properties.notificationUrl();
        };
    }

    public static JsonMapper json() {
        return JSON;
    }
}
