package nl.transfertafel.harness.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' public REST APIs as the harness calls them: one shared HTTP client, every call timed
 * into one histogram ({@code rest_p99_ms}), answers parsed as JSON. Requests spread over a service's
 * instances at random (what a load balancer in front of them would do). Never logs bodies: they carry
 * made-up personal data, but the rule is the rule.
 */
public final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Tokens tokens;
    private final ConcurrentHistogram restMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final AtomicLong failures = new AtomicLong();
    private final java.util.Map<String, AtomicLong> answers = new java.util.concurrent.ConcurrentSkipListMap<>();

    public Api(Tokens tokens) {
        this.tokens = tokens;
    }

    /** An answer: status and parsed body (a missing node when the body was empty or not JSON). */
    public record Answer(int status, JsonNode body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer get(List<String> instances, String path, Identity as) {
        return send(instances, path, as, "GET", null, null);
    }

    public Answer post(List<String> instances, String path, Identity as, Object body) {
        return send(instances, path, as, "POST", body, null);
    }

    public Answer postIdempotent(List<String> instances, String path, Identity as, Object body, UUID key) {
        return send(instances, path, as, "POST", body, key);
    }

    public Answer put(List<String> instances, String path, Identity as, Object body) {
        return send(instances, path, as, "PUT", body, null);
    }

    public Histogram restLatencyMicros() {
        return restMicros.copy();
    }

    public long transportFailures() {
        return failures.get();
    }

    /** How each kind of call was answered: "POST /api/v1/capacity/{id}/withdraw 200" -> count (0 = no answer). */
    public java.util.Map<String, Long> answersByCall() {
        java.util.Map<String, Long> copy = new java.util.LinkedHashMap<>();
        answers.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** The first answer of each failing kind of call (problem detail or transport error), to say why. */
    public java.util.Map<String, String> firstFailures() {
        return new java.util.TreeMap<>(firstFailure);
    }

    private final java.util.Map<String, String> firstFailure = new java.util.concurrent.ConcurrentHashMap<>();

    private void count(String method, String path, int status) {
        answers.computeIfAbsent(method + " " + template(path) + " " + status, k -> new AtomicLong()).incrementAndGet();
    }

    private static String template(String path) {
        return path.replaceAll("\\?.*$", "")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
    }

    private Answer send(List<String> instances, String path, Identity as, String method, Object body, UUID key) {
        String base = instances.get(ThreadLocalRandom.current().nextInt(instances.size()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.token(as))
                .header("Accept", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key.toString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else if (method.equals("GET")) {
            request.GET();
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            restMicros.recordValue(Math.max(1, (System.nanoTime() - started) / 1_000));
            JsonNode json;
            try {
                json = response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                json = JSON.missingNode();
            }
            count(method, path, response.statusCode());
            if (response.statusCode() >= 400) {
                // problem+json names the field and the rule, never the value
                firstFailure.putIfAbsent(method + " " + template(path) + " " + response.statusCode(),
                        json.path("detail").asText("") + " " + json.path("errors").toString());
            }
            return new Answer(response.statusCode(), json);
        } catch (java.io.IOException e) {
            // a killed instance or a refused connection: the caller decides whether to retry
            failures.incrementAndGet();
            count(method, path, 0);
            firstFailure.putIfAbsent(method + " " + template(path) + " 0", e.getClass().getSimpleName() + ": " + e.getMessage());
            return new Answer(0, JSON.missingNode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.missingNode());
        }
    }
}
