package nl.transfertafel.intake.validation.web;

import java.time.Duration;
import nl.transfertafel.intake.validation.domain.AttemptLimiter;
import nl.transfertafel.intake.validation.domain.LinkToken;
import org.springframework.web.server.ServerWebExchange;

/**
 * The two limits on answer links (issue 15 item 1): per link (whoever holds it cannot hammer it) and
 * per client address (nobody can try many links). A link is counted by its hash, so the limiter holds
 * no usable token.
 */
public class LinkAttempts {

    static final Duration WINDOW = Duration.ofMinutes(15);

    private final AttemptLimiter perToken;
    private final AttemptLimiter perAddress;

    public LinkAttempts(AttemptLimiter perToken, AttemptLimiter perAddress) {
        this.perToken = perToken;
        this.perAddress = perAddress;
    }

    boolean allowed(String token, ServerWebExchange exchange) {
        String tokenKey = token == null ? "" : java.util.HexFormat.of().formatHex(LinkToken.hash(token));
        // both count: an address that is over its limit does not use up the link's attempts, and vice versa
        boolean address = perAddress.tryAcquire(AnswerPageController.clientAddress(exchange));
        return address && perToken.tryAcquire(tokenKey);
    }
}
