package nl.transfertafel.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Builds the problem+json answers of every service, so they all read the same. */
public final class Problems {

    public static final String TYPE_BASE = "https://transfertafel.nl/problems/";
    /** The rule of a 413: the body is larger than the service accepts. */
    public static final String TOO_LARGE = "payload-too-large";

    private Problems() {
    }

    public static ProblemDetail detail(HttpStatus status, String title, String detail, String rule,
            List<Refused.Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(TYPE_BASE + (rule == null ? status.name().toLowerCase() : rule)));
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        if (violations != null && !violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    /** The RFC 9457 members with the extension members at top level, as the web codecs write them. */
    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** For filters that answer before any controller runs (401, 403). */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, title, detail, status == HttpStatus.UNAUTHORIZED ? "authentication"
                : "authorisation");
    }

    /** For filters that answer before any controller runs, with the rule they apply. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
            String rule) {
        ProblemDetail problem = detail(status, title, detail, rule, List.of());
        // no instance: before routing there is no route pattern, and the raw path may hold personal data
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        byte[] body = EventJson.mapper().writeValueAsString(asMap(problem)).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
