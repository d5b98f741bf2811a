package nl.transfertafel.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-12-06T04:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** A decoder that accepts "good-*" tokens expiring in the given time and counts its verifications. */
    private final List<String> verifications = new ArrayList<>();
    private Duration lifetime = Duration.ofMinutes(2);
    private final ReactiveJwtDecoder decoder = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("gp-1").issuedAt(now);
        if (lifetime != null) {
            jwt.expiresAt(now.plus(lifetime));
        }
        return Mono.just(jwt.build());
    };

    @Test
    void a_token_sent_again_is_verified_once() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

        Jwt first = tokens.decode("good-1").block();
        Jwt again = tokens.decode("good-1").block();

        assertThat(again).isSameAs(first);
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void a_remembered_token_is_refused_once_it_expired() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);
        tokens.decode("good-1").block();

        now = now.plus(Duration.ofMinutes(3)); // past its exp: the decoder is asked again (and would refuse it)

        tokens.decode("good-1").block();
        assertThat(verifications).containsExactly("good-1", "good-1");
    }

    @Test
    void a_refused_token_is_not_remembered() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void a_token_without_expiry_is_verified_every_time() {
        lifetime = null;
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

        tokens.decode("good-forever").block();
        tokens.decode("good-forever").block();

        assertThat(verifications).containsExactly("good-forever", "good-forever");
    }

    @Test
    void another_token_of_the_same_caller_is_verified_on_its_own() {
        VerifiedTokens tokens = new VerifiedTokens(decoder, clock);

        tokens.decode("good-1").block();
        tokens.decode("good-2").block();

        assertThat(verifications).containsExactly("good-1", "good-2");
    }

    @Test
    void the_decoders_of_the_context_are_put_behind_the_cache() {
        Object wrapped = VerifiedTokens.rememberingDecoders().postProcessAfterInitialization(decoder, "jwtDecoder");
        Object other = VerifiedTokens.rememberingDecoders().postProcessAfterInitialization("not a decoder", "x");

        assertThat(wrapped).isInstanceOf(VerifiedTokens.class);
        assertThat(VerifiedTokens.rememberingDecoders().postProcessAfterInitialization(wrapped, "again")).isSameAs(wrapped);
        assertThat(other).isEqualTo("not a decoder");
    }
}
