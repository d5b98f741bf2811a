package nl.transfertafel.platform.security;

import nl.transfertafel.platform.web.RegionMdc;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * After authentication: the caller's {@code region} claim goes into the Reactor context, so every log
 * line written while handling the request names the region ({@link RegionMdc}). Service tokens and
 * anonymous requests have none, and their lines have no region.
 */
final class RegionOfCaller implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(authentication -> authentication != null && authentication.getPrincipal() instanceof Jwt)
                .map(authentication -> String.valueOf(((Jwt) authentication.getPrincipal()).getClaims()
                        .get(Actor.CLAIM_REGION)))
                .flatMap(region -> chain.filter(exchange).contextWrite(RegionMdc.with(region)).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }
}
