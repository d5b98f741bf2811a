package nl.transfertafel.platform.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body ({@code Content-Length}) is larger than
 * {@code transfertafel.web.max-body-size} with 413 problem+json, before anything reads it. A body
 * sent without a length (chunked) is bounded by the codecs' {@code spring.http.codecs.max-in-memory-size},
 * set to the same size, whose overflow {@link ProblemDetailsAdvice} answers with the same 413.
 */
public class BodySizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    public BodySizeLimit(DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "The request body is larger than this service accepts.", Problems.TOO_LARGE);
        }
        return chain.filter(exchange);
    }

    /** Before security: a body too large is refused without being read, whoever sends it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
