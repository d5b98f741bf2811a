package nl.transfertafel.transfertable.common.web;

import java.util.List;
import nl.transfertafel.platform.web.FieldViolation;
import nl.transfertafel.platform.web.ProblemDetailsAdvice;
import nl.transfertafel.platform.web.ProblemException;
import nl.transfertafel.transfertable.common.application.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Answers the application's refusals as the platform's problem+json, reason verbatim. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusalAdvice {

    private final ProblemDetailsAdvice problems;

    public RefusalAdvice(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<ProblemDetail> refused(Refusal refusal, ServerWebExchange exchange) {
        return problems.handleProblem(toProblem(refusal), exchange);
    }

    public static ProblemException toProblem(Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND -> new ProblemException(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage()
                    + " does not exist or is not yours to see", "not-found", List.of());
            case CONFLICT -> ProblemException.conflict(refusal.rule(), refusal.getMessage());
            case FORBIDDEN -> ProblemException.forbidden(refusal.rule(), refusal.getMessage());
            case INVALID -> ProblemException.invalid(List.of(new FieldViolation(refusal.field(), refusal.rule(),
                    refusal.getMessage())));
        };
    }
}
