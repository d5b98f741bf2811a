package nl.transfertafel.platform.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizationContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import reactor.core.publisher.Mono;

/**
 * When the service's token is renewed: Spring Security's client-credentials provider fetches it, this
 * decides when. Spring's provider renews a fixed clock skew (60 s by default) before expiry, which for
 * an issuer whose tokens live under that skew means a new token for every call (and the hand-made
 * predecessor looped). Here the margin is proportional: a quarter of the token's lifetime, at most
 * {@code maxMargin} ({@code transfertafel.service-auth.clock-skew}, 60 s by default): a 30 s token is
 * renewed after 22.5 s, a 5-minute one a minute early. Callers that find the token due at the same
 * time share one fetch.
 */
final class ServiceTokenRenewal implements ReactiveOAuth2AuthorizedClientProvider {

    static final Duration DEFAULT_MAX_MARGIN = Duration.ofSeconds(60);

    private final ClientCredentialsReactiveOAuth2AuthorizedClientProvider fetch;
    private final Duration maxMargin;
    private final Clock clock;
    private final AtomicReference<Renewal> inFlight = new AtomicReference<>();

    /** A fetch under way, shared by the callers that want to replace the same token (or have none). */
    private static final class Renewal {
        final String replacing;
        volatile boolean settled;
        Mono<OAuth2AuthorizedClient> fetch;

        Renewal(String replacing) {
            this.replacing = replacing;
        }
    }
    /** The last token fetched and when (by {@code clock}, the service's clock) it is due. */
    private final AtomicReference<Due> due = new AtomicReference<>();

    private record Due(String token, Instant at) {
    }

    ServiceTokenRenewal(ClientCredentialsReactiveOAuth2AuthorizedClientProvider fetch, Duration maxMargin, Clock clock) {
        if (maxMargin.isNegative()) {
            throw new IllegalArgumentException("the clock skew must not be negative: " + maxMargin);
        }
        this.fetch = fetch;
        this.maxMargin = maxMargin;
        this.clock = clock;
    }

    /** When a token should be replaced: its expiry less the proportional margin (never: no expiry given). */
    Instant renewAt(OAuth2AccessToken token) {
        if (token.getExpiresAt() == null) {
            return Instant.MAX;
        }
        return token.getExpiresAt().minus(margin(lifetime(token)));
    }

    /** Issued and expiry times as the token response gave them ({@code expires_in} from its arrival). */
    private static Duration lifetime(OAuth2AccessToken token) {
        Instant issued = token.getIssuedAt() != null ? token.getIssuedAt() : token.getExpiresAt();
        Duration lifetime = Duration.between(issued, token.getExpiresAt());
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    private Duration margin(Duration lifetime) {
        Duration quarter = lifetime.dividedBy(4);
        return quarter.compareTo(maxMargin) < 0 ? quarter : maxMargin;
    }

    private boolean fresh(OAuth2AccessToken token) {
        Due known = due.get();
        // Spring stamps a token with the system time; the service's clock (fixed or moved in tests) decides
        Instant at = known != null && known.token().equals(token.getTokenValue()) ? known.at() : renewAt(token);
        return clock.instant().isBefore(at);
    }

    private OAuth2AuthorizedClient remember(OAuth2AuthorizedClient fetched) {
        OAuth2AccessToken token = fetched.getAccessToken();
        Instant at = token.getExpiresAt() == null ? Instant.MAX
                : clock.instant().plus(lifetime(token)).minus(margin(lifetime(token)));
        due.set(new Due(token.getTokenValue(), at));
        return fetched;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizationContext context) {
        OAuth2AuthorizedClient current = context.getAuthorizedClient();
        if (current != null && fresh(current.getAccessToken())) {
            return Mono.empty(); // the manager keeps the current one
        }
        // without the current client in the context Spring's provider fetches a new token
        OAuth2AuthorizationContext renewal = OAuth2AuthorizationContext
                .withClientRegistration(context.getClientRegistration())
                .principal(context.getPrincipal())
                .attributes(attributes -> attributes.putAll(context.getAttributes()))
                .build();
        String replacing = current == null ? null : current.getAccessToken().getTokenValue();
        return Mono.defer(() -> {
            Renewal started = new Renewal(replacing);
            started.fetch = fetch.authorize(renewal).map(this::remember)
                    // settled before any caller sees the outcome: a later renewal never joins this one
                    .doOnEach(signal -> {
                        if (signal.isOnNext() || signal.isOnError() || signal.isOnComplete()) {
                            started.settled = true;
                        }
                    })
                    .cache();
            return inFlight.updateAndGet(running -> running != null && !running.settled
                    && Objects.equals(running.replacing, replacing) ? running : started).fetch;
        });
    }
}
