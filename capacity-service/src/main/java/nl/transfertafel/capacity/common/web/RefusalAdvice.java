package nl.transfertafel.capacity.common.web;

import nl.transfertafel.capacity.common.application.Refused;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.platform.web.ProblemDetailsAdvice;
import nl.transfertafel.platform.web.ProblemException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers a refused command the way the platform answers every error: as problem+json through the
 * platform's {@link ProblemDetailsAdvice}, naming the rule (and for bad input the field).
 */
@RestControllerAdvice
public class RefusalAdvice {

    private final ProblemDetailsAdvice problems;

    public RefusalAdvice(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Refused.class)
    public ResponseEntity<ProblemDetail> handleRefused(Refused refused, ServerWebExchange exchange) {
        return problems.handleProblem(toProblem(refused.refusal()), exchange);
    }

    public static ProblemException toProblem(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> ProblemException.invalid(refusal.field() == null ? "body" : refusal.field(), refusal.rule(),
                    refusal.detail());
            case FORBIDDEN -> ProblemException.forbidden(refusal.rule(), refusal.detail());
            case NOT_FOUND -> ProblemException.notFound(refusal.detail());
            case CONFLICT -> ProblemException.conflict(refusal.rule(), refusal.detail());
        };
    }
}
