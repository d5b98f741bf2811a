package nl.transfertafel.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.web.input.PlausibleDates;
import nl.transfertafel.platform.web.input.StrictJson;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.util.UriUtils;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Every error a controller raises becomes RFC 9457 problem+json: a {@link Refused} by its kind (400,
 * 404, 403, 409) with its rule and detail, a role check that fails as 403 {@code authorisation}, and
 * bean validation or unreadable input as 400 naming each field and the rule it broke
 * ({@code errors: [{field, rule, message}]}). The {@code type} is {@link Problems#TYPE_BASE} plus the rule.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Refused.class)
    public ResponseEntity<ProblemDetail> handleRefused(Refused refused, ServerWebExchange exchange) {
        return answer(exchange, problem(refused));
    }

    static ProblemDetail problem(Refused refused) {
        return Problems.detail(status(refused.kind()), title(refused.kind()), refused.detail(), refused.rule(),
                refused.violations());
    }

    static HttpStatus status(Refused.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
    }

    static String title(Refused.Kind kind) {
        return switch (kind) {
            case INVALID -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Forbidden";
            case CONFLICT -> "Conflict";
        };
    }

    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> handleDenied(AccessDeniedException e, ServerWebExchange exchange) {
        return answer(exchange, Problems.detail(HttpStatus.FORBIDDEN, "Forbidden",
                "Your role or organisation does not allow this.", "authorisation", List.of()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Refused.Violation> violations = new ArrayList<>();
        for (FieldError error : e.getFieldErrors()) {
            violations.add(new Refused.Violation(error.getField(), rule(error), error.getDefaultMessage()));
        }
        e.getGlobalErrors().forEach(error -> violations.add(
                new Refused.Violation(error.getObjectName(), rule(error), error.getDefaultMessage())));
        ProblemDetail problem = problem(Refused.invalid(violations));
        return Mono.just(ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(exchange, problem)));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return Mono.just(tooLarge(exchange));
        }
        String field = jsonPath(e);
        if (hasCause(e, PlausibleDates.DateOutOfRange.class)) {
            ProblemDetail problem = problem(Refused.invalid(field == null ? "body" : field, PlausibleDates.RULE,
                    "a date must lie in the years 0001-9999"));
            return Mono.just(ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(withInstance(exchange, problem)));
        }
        Refused.Violation strict = strictRule(e, field);
        if (strict != null) {
            ProblemDetail problem = problem(Refused.invalid(List.of(strict)));
            return Mono.just(ResponseEntity.status(problem.getStatus())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(withInstance(exchange, problem)));
        }
        if (field == null) {
            field = e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                    ? e.getMethodParameter().getParameterName() : "body";
        }
        // the parser's message may quote the input (personal data): name the field, never the value
        ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, "Unreadable request",
                "The request is not valid JSON or a value has the wrong type or format.", "readable",
                List.of(new Refused.Violation(field, "readable",
                        "malformed JSON or a value of the wrong type or format")));
        return Mono.just(ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(exchange, problem)));
    }

    /**
     * The other errors the web layer itself raises (415 wrong content type, 405, 406, 413, 404 for an
     * unknown path variable type...): the same problem+json, with the status as its rule.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() == HttpStatus.PAYLOAD_TOO_LARGE.value() || hasCause(e, DataBufferLimitException.class)) {
            return Mono.just(tooLarge(exchange));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        String rule = known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
        String detail = body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                : known == null ? "The request was not accepted." : known.getReasonPhrase();
        ProblemDetail problem = Problems.detail(known == null ? HttpStatus.BAD_REQUEST : known,
                known == null ? "Error" : known.getReasonPhrase(), detail, rule, List.of());
        HttpHeaders answered = new HttpHeaders();
        if (headers != null) {
            answered.putAll(headers);
        }
        answered.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return Mono.just(ResponseEntity.status(status).headers(answered).body(withInstance(exchange, problem)));
    }

    static ResponseEntity<Object> tooLarge(ServerWebExchange exchange) {
        ProblemDetail problem = Problems.detail(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                "The request body is larger than this service accepts.", Problems.TOO_LARGE, List.of());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(exchange, problem));
    }

    private static final java.util.Set<Class<?>> WHOLE = java.util.Set.of(Integer.class, int.class, Long.class,
            long.class, Short.class, short.class, Byte.class, byte.class, java.math.BigInteger.class);
    private static final java.util.Set<Class<?>> SCALARS = java.util.Set.of(String.class, CharSequence.class,
            Boolean.class, boolean.class, Double.class, double.class, Float.class, float.class,
            java.math.BigDecimal.class, Number.class);

    /**
     * The rule a body broke under {@link StrictJson}, naming the field (never the value), or null for
     * input that is simply unreadable (malformed JSON, a bad date or id format).
     */
    private static Refused.Violation strictRule(Throwable e, String path) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            String field = path == null ? "body" : path;
            if (cause instanceof StrictJson.TextRefused text) {
                return new Refused.Violation(field, text.rule(), StrictJson.CONTROL_CHARACTERS.equals(text.rule())
                        ? "must not contain control or invisible formatting characters"
                        : "must not consist of whitespace only");
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String name = path != null ? path : String.valueOf(unknown.getPropertyName());
                return new Refused.Violation(name, StrictJson.UNKNOWN_FIELD, "is not a field of this request");
            }
            if (cause instanceof InvalidNullException) {
                return new Refused.Violation(field, StrictJson.NOT_NULL, "must not contain null elements");
            }
            if (cause instanceof InvalidFormatException invalid && WHOLE.contains(invalid.getTargetType())
                    && (invalid.getValue() instanceof Double || invalid.getValue() instanceof Float
                            || invalid.getValue() instanceof java.math.BigDecimal)) {
                return new Refused.Violation(field, StrictJson.WHOLE_NUMBER, "must be a whole number, without a fraction");
            }
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    && (WHOLE.contains(mismatch.getTargetType()) || SCALARS.contains(mismatch.getTargetType()))) {
                return new Refused.Violation(field, StrictJson.WRONG_TYPE, "has the wrong type (e.g. a number for a text)");
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(Throwable e) {
        for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
            }
        }
        return null;
    }

    private static String rule(DefaultMessageSourceResolvable error) {
        String[] codes = error.getCodes();
        // the last code is the bare constraint name (e.g. "NotNull", "Pattern", "ElevenTest")
        return codes != null && codes.length > 0 ? codes[codes.length - 1] : "invalid";
    }

    private static ResponseEntity<ProblemDetail> answer(ServerWebExchange exchange, ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(withInstance(exchange, problem));
    }

    /**
     * The instance is the matched route pattern (e.g. {@code /api/v1/referrals/{referralId}/withdraw}),
     * never the raw path: a client that puts a BSN or a name in a path must not see it echoed (nor
     * whoever logs answers). Without a matched route the instance is left out.
     */
    static ProblemDetail withInstance(ServerWebExchange exchange, ProblemDetail problem) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        problem.setInstance(pattern == null ? null : URI.create(UriUtils.encodePath(pattern.toString(),
                java.nio.charset.StandardCharsets.UTF_8)));
        return problem;
    }
}
