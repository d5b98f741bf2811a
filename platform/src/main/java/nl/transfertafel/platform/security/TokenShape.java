package nl.transfertafel.platform.security;

import java.util.EnumSet;
import java.util.Set;
import nl.transfertafel.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Checks the shape of a person's token once, in the security chain, before any controller (or the
 * audit log, or an idempotency key) sees the request: a person (any role but {@code SERVICE} and
 * {@code METRICS}) acts for an organisation in a region, so a token of theirs without {@code org}
 * or {@code region} is refused on every endpoint with 403 {@code claim-missing}, not only where an
 * endpoint happens to ask {@link Actor#organisation()}. (A token without {@code sub} never gets here:
 * {@link SecurityConfiguration} refuses it at authentication, 401.) Tokens without a known role pass
 * on to the authorisation rules, which refuse them.
 */
final class TokenShape implements WebFilter {

    private static final Set<Role> MACHINES = EnumSet.of(Role.SERVICE, Role.METRICS);

    private final ServerWebExchangeMatcher open;

    TokenShape(ServerWebExchangeMatcher open) {
        this.open = open;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return open.matches(exchange).flatMap(match -> match.isMatch()
                ? chain.filter(exchange)
                : ReactiveSecurityContextHolder.getContext()
                        .map(context -> context.getAuthentication() == null ? "" : missingClaim(context.getAuthentication().getPrincipal()))
                        .defaultIfEmpty("")
                        .flatMap(missing -> missing.isEmpty() ? chain.filter(exchange)
                                : Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                                        "the token carries no " + missing + " claim", Actor.CLAIM_MISSING)));
    }

    /** The claim a person's token lacks ({@code org} or {@code region}), or "" when its shape is right. */
    static String missingClaim(Object principal) {
        if (!(principal instanceof Jwt jwt)) {
            return "";
        }
        Actor actor = Actor.from(jwt);
        boolean person = actor.roles().stream().anyMatch(role -> !MACHINES.contains(role));
        if (!person) {
            return "";
        }
        if (actor.organisationIfPresent().isEmpty()) {
            return Actor.CLAIM_ORGANISATION;
        }
        return actor.regionIfPresent().isEmpty() ? Actor.CLAIM_REGION : "";
    }
}
