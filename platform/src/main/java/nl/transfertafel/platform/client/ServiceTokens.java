package nl.transfertafel.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The calling service's own access token, from the OAuth2 token endpoint by the client-credentials
 * grant (the local token issuer in the embedded default, any OIDC provider in production). Cached
 * until shortly before it expires; concurrent callers share one fetch.
 */
public class ServiceTokens {

    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private final WebClient http;
    private final String tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private final AtomicReference<Mono<Token>> current = new AtomicReference<>();

    public ServiceTokens(WebClient.Builder http, String tokenUri, String clientId, String clientSecret, Clock clock) {
        this.http = http.build();
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public Mono<String> token() {
        return Mono.defer(() -> {
            Mono<Token> cached = current.get();
            if (cached == null) {
                Mono<Token> fetch = fetch().cache(token -> Duration.between(clock.instant(), token.refreshAt())
                                .isNegative() ? Duration.ZERO : Duration.between(clock.instant(), token.refreshAt()),
                        error -> Duration.ZERO, () -> Duration.ZERO);
                current.compareAndSet(null, fetch);
                cached = current.get();
            }
            return cached.flatMap(token -> {
                if (clock.instant().isBefore(token.refreshAt())) {
                    return Mono.just(token.value());
                }
                current.set(null);
                return token();
            });
        });
    }

    private Mono<Token> fetch() {
        return http.post().uri(tokenUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "client_credentials")
                        .with("client_id", clientId)
                        .with("client_secret", clientSecret))
                .retrieve()
                .bodyToMono(Map.class)
                .map(body -> {
                    Object value = body.get("access_token");
                    if (value == null) {
                        throw new IllegalStateException("token endpoint " + tokenUri + " returned no access_token");
                    }
                    long lifetime = body.get("expires_in") instanceof Number n ? n.longValue() : 300;
                    Instant refreshAt = clock.instant().plusSeconds(lifetime).minus(REFRESH_MARGIN);
                    return new Token(value.toString(), refreshAt);
                })
                .doOnError(error -> current.set(null));
    }

    private record Token(String value, Instant refreshAt) {
    }
}
