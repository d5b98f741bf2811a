package nl.transfertafel.capacity.common.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.stream.Collectors;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Names the rule when a number with a fraction arrives for a whole-number field (issue 11 item 19:
 * {@code "places": 2.5} used to be stored as 2). capacity-service.yml turns off Jackson's
 * {@code ACCEPT_FLOAT_AS_INT}, so every integer field of every capacity body refuses a fraction; this
 * advice answers that refusal as 400 rule {@code whole-number} on the field, and hands every other
 * unreadable request to the platform's {@link ProblemDetailsAdvice} unchanged. It is ordered before
 * the platform's advice (same precedence, and application beans are registered before
 * auto-configured ones); {@code AnnouncementHardeningIT} fails if that ever changes.
 */
@RestControllerAdvice(basePackages = "nl.transfertafel.capacity")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WholeNumbers {

    static final String RULE = "whole-number";
    private static final Set<Class<?>> WHOLE = Set.of(Integer.class, int.class, Long.class, long.class, Short.class,
            short.class, BigInteger.class);

    private final ProblemDetailsAdvice platform;

    public WholeNumbers(ProblemDetailsAdvice platform) {
        this.platform = platform;
    }

    @ExceptionHandler(ServerWebInputException.class)
    public Mono<ResponseEntity<Object>> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        InvalidFormatException fraction = fractionForWholeNumber(e);
        if (fraction == null) {
            return platform.handleException(e, exchange);
        }
        // the value is not echoed: the field and the rule say enough
        Refused refused = Refused.invalid(path(fraction), RULE, "must be a whole number, without a fraction");
        ResponseEntity<ProblemDetail> answer = platform.handleRefused(refused, exchange);
        return Mono.just(ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .body(answer.getBody()));
    }

    private static InvalidFormatException fractionForWholeNumber(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException invalid && WHOLE.contains(invalid.getTargetType())
                    && (invalid.getValue() instanceof Double || invalid.getValue() instanceof Float
                            || invalid.getValue() instanceof BigDecimal)
                    && !invalid.getPath().isEmpty()) {
                return invalid;
            }
        }
        return null;
    }

    /** The field as the platform names it: {@code places}, {@code offerings[0].minAge}. */
    private static String path(InvalidFormatException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
