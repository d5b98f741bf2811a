package nl.transfertafel.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Issue 12's leftover: the hand-made token source renewed a fixed 60 s before expiry, so an issuer
 * whose tokens live 30 s made it fetch (and loop) on every call. The renewal margin is now a quarter
 * of the lifetime at most: a 30 s token is reused for 22.5 s, then renewed once. Against a real HTTP
 * token endpoint (the JDK's server) that issues 30 s tokens and counts the requests.
 */
class ServiceTokenLifetimeTest {

    private HttpServer issuer;
    private final AtomicInteger issued = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void shortLivedIssuer() throws IOException {
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean clientCredentials = form.contains("grant_type=client_credentials")
                    && form.contains("client_id=intake-service") && form.contains("client_secret=s3cret");
            byte[] body = (clientCredentials
                    ? "{\"access_token\":\"token-" + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":30}"
                    : "{\"error\":\"invalid_client\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(clientCredentials ? 200 : 401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer.start();
    }

    @AfterEach
    void stop() {
        issuer.stop(0);
    }

    private ServiceTokens tokens() {
        return new ServiceTokens(WebClient.builder(), "http://127.0.0.1:" + issuer.getAddress().getPort() + "/token",
                "intake-service", "s3cret", clock);
    }

    @Test
    void a_token_that_lives_30_seconds_is_reused_until_three_quarters_of_its_life_then_renewed_once() {
        ServiceTokens tokens = tokens();

        String first = tokens.token().block(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        String fiveSecondsLater = tokens.token().block(Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(15));
        String twentySecondsIn = tokens.token().block(Duration.ofSeconds(10));

        assertThat(first).isEqualTo("token-1");
        assertThat(fiveSecondsLater).isEqualTo(first);
        assertThat(twentySecondsIn).isEqualTo(first);
        assertThat(issued).hasValue(1);

        clock.advance(Duration.ofSeconds(3)); // 23 s: past 22.5 s, inside the lifetime
        String renewed = tokens.token().block(Duration.ofSeconds(10));
        String renewedAgain = tokens.token().block(Duration.ofSeconds(10));

        assertThat(renewed).isEqualTo("token-2");
        assertThat(renewedAgain).isEqualTo(renewed);
        assertThat(issued).hasValue(2);
    }

    @Test
    void callers_that_find_no_token_share_one_fetch() {
        ServiceTokens tokens = tokens();

        List<String> seen = Flux.fromStream(IntStream.range(0, 8).boxed())
                .flatMap(i -> tokens.token(), 8)
                .collectList().block(Duration.ofSeconds(10));

        assertThat(seen).hasSize(8).containsOnly("token-1");
        assertThat(issued).hasValue(1);
    }

    @Test
    void a_long_lived_token_is_renewed_at_most_the_configured_skew_before_it_expires() {
        ServiceTokenRenewal renewal = new ServiceTokenRenewal(null, Duration.ofSeconds(60), clock);
        Instant issuedAt = Instant.parse("2026-01-01T10:00:00Z");
        var hour = new org.springframework.security.oauth2.core.OAuth2AccessToken(
                org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, "t", issuedAt,
                issuedAt.plus(Duration.ofHours(1)));
        var halfMinute = new org.springframework.security.oauth2.core.OAuth2AccessToken(
                org.springframework.security.oauth2.core.OAuth2AccessToken.TokenType.BEARER, "t", issuedAt,
                issuedAt.plusSeconds(30));

        assertThat(renewal.renewAt(hour)).isEqualTo(issuedAt.plus(Duration.ofHours(1)).minusSeconds(60));
        assertThat(renewal.renewAt(halfMinute)).isEqualTo(issuedAt.plusMillis(22_500));
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
