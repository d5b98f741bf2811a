package nl.transfertafel.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request Spring Security's exchange firewall refuses (an encoded NUL, {@code %2F} or {@code ..}
 * in the path, non-ASCII where it does not belong) gets the same 400 problem+json as any other bad
 * input, instead of the firewall's bare 400. The problem names neither the path nor the reason's
 * input: the path may hold personal data.
 */
public final class FirewallRejections implements ServerExchangeRejectedHandler {

    /** The rule of the 400 for a path or header the firewall refuses. */
    public static final String RULE = "request-rejected";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Invalid request",
                "The request's path or headers contain characters or sequences this service does not accept.", RULE);
    }
}
