package nl.transfertafel.platform.web;

import java.util.UUID;
import nl.transfertafel.platform.events.Correlation;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Takes {@code X-Correlation-Id} from the request (or makes one), echoes it, and puts it where the outbox finds it. */
public class CorrelationWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        UUID correlation = parse(exchange.getRequest().getHeaders().getFirst(Correlation.HEADER));
        exchange.getResponse().getHeaders().set(Correlation.HEADER, correlation.toString());
        return chain.filter(exchange).contextWrite(Correlation.with(correlation));
    }

    private static UUID parse(String header) {
        if (header != null) {
            try {
                return UUID.fromString(header);
            } catch (IllegalArgumentException ignored) {
                // a malformed id is replaced, not trusted
            }
        }
        return UUID.randomUUID();
    }
}
