package nl.transfertafel.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An expected failure that the web edge answers as RFC 9457 problem+json. Domain code returns
 * results; application services translate a refusal into one of these at the edge.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final String rule;
    private final List<FieldViolation> violations;

    public ProblemException(HttpStatus status, String title, String detail, String rule, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist or is not yours to see",
                "not-found", List.of());
    }

    public static ProblemException conflict(String rule, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict", detail, rule, List.of());
    }

    public static ProblemException forbidden(String rule, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, rule, List.of());
    }

    public static ProblemException invalid(List<FieldViolation> violations) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request breaks " + violations.size() + " rule(s); see errors.", "validation", violations);
    }

    public static ProblemException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldViolation(field, rule, message)));
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String rule() {
        return rule;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
