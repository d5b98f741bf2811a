package nl.transfertafel.harness.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the stack's token issuer: {@code GET /token?sub=..&roles=..&org=..&region=..} (the cluster
 * mode's issuer) or {@code GET /token?username=..} (demo users, the single-JVM issuer). Cached for ten
 * minutes, well inside their lifetime.
 */
public final class Tokens {

    private static final Duration REUSE = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String issuerUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Identity, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, Instant fetched) {
    }

    public Tokens(String issuerUrl) {
        this.issuerUrl = issuerUrl.endsWith("/") ? issuerUrl.substring(0, issuerUrl.length() - 1) : issuerUrl;
    }

    /** Whether the issuer mints tokens with arbitrary claims (the cluster mode's issuer does). */
    public boolean mintsArbitraryClaims() {
        try {
            fetch(Identity.of("harness-probe", "GP", "01000001", "rotterdam"));
            return true;
        } catch (RuntimeException onlyDemoUsers) {
            return false;
        }
    }

    public String token(Identity identity) {
        Cached cached = cache.get(identity);
        if (cached == null || cached.fetched().plus(REUSE).isBefore(Instant.now())) {
            cached = new Cached(fetch(identity), Instant.now());
            cache.put(identity, cached);
        }
        return cached.token();
    }

    private String fetch(Identity identity) {
        String query = identity.demoUser() != null
                ? "username=" + encode(identity.demoUser())
                : "sub=" + encode(identity.subject()) + "&roles=" + encode(String.join(",", identity.roles()))
                        + (identity.organisation() == null ? "" : "&org=" + encode(identity.organisation()))
                        + (identity.region() == null ? "" : "&region=" + encode(identity.region()));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/token?" + query))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token issuer answered " + response.statusCode() + " for " + identity.subject());
            }
            String token = JSON.readTree(response.body()).path("access_token").asText(null);
            if (token == null) {
                throw new IllegalStateException("token issuer gave no access_token for " + identity.subject());
            }
            return token;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("token issuer at " + issuerUrl + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
