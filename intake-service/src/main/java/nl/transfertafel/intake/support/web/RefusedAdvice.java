package nl.transfertafel.intake.support.web;

import nl.transfertafel.intake.support.Refused;
import nl.transfertafel.platform.web.FieldViolation;
import nl.transfertafel.platform.web.ProblemDetailsAdvice;
import nl.transfertafel.platform.web.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Answers the core's refusals through the platform's one problem+json form. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusedAdvice {

    private final ProblemDetailsAdvice problems;

    public RefusedAdvice(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refused.class)
    public ResponseEntity<ProblemDetail> handle(Refused refused, ServerWebExchange exchange) {
        return problems.handleProblem(toProblem(refused), exchange);
    }

    static ProblemException toProblem(Refused refused) {
        return switch (refused.kind()) {
            case INVALID -> ProblemException.invalid(refused.violations().stream()
                    .map(v -> new FieldViolation(v.field(), v.rule(), v.message())).toList());
            case NOT_FOUND -> ProblemException.notFound(refused.getMessage());
            case CONFLICT -> ProblemException.conflict(refused.rule(), refused.getMessage());
            case FORBIDDEN -> ProblemException.forbidden(refused.rule(), refused.getMessage());
        };
    }
}
