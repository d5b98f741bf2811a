package nl.transfertafel.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the access tokens the JWT decoder accepted, until they expire (at most {@link #MAX_AGE}), so a
 * caller that sends the same token again (every client does, for the token's whole lifetime) is not
 * verified again: the RSA signature check and the claim validators were about a seventh of intake's CPU
 * per referral (docs/bench/cpu-per-referral-2026-12-06/profile.md). Only a token the decoder accepted in
 * full (signature, expiry, issuer, audience, {@link AccessTokensOnly}) is remembered, keyed by its exact
 * text; a hit is still refused once the token's {@code exp} has passed, and a token without {@code exp} is
 * never remembered. Refusals are not remembered. See docs/adr/1150-verified-access-tokens-are-remembered-until-they-expire.md.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    /** The longest a verified token is trusted without checking it again (a rotated signing key takes effect within it). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /** Tokens remembered at most: distinct callers within a token lifetime; about 2 KB each. */
    static final long MAX_TOKENS = 10_000;

    private final ReactiveJwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(ReactiveJwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAX_TOKENS)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> trustFor(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && known.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
                verified.put(token, jwt);
            }
        });
    }

    private Duration trustFor(Jwt jwt) {
        Duration untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt());
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(MAX_AGE) < 0 ? untilExpiry : MAX_AGE;
    }

    long remembered() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** Puts every JWT decoder of the context (Boot's, with its validators) behind a {@link VerifiedTokens}. */
    static BeanPostProcessor rememberingDecoders() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, Clock.systemUTC());
                }
                return bean;
            }
        };
    }

}
