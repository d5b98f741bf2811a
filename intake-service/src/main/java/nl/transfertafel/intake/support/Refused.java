package nl.transfertafel.intake.support;

import java.util.List;

/**
 * An application service's "no": the request is invalid, names something unknown (or not the
 * caller's), conflicts with the current state, or is not allowed. The web edge answers it as
 * problem+json (see {@code support.web.RefusedAdvice}); the core stays free of web types.
 */
public class Refused extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    /** One broken rule on one input field. */
    public record Violation(String field, String rule, String message) {
    }

    private final Kind kind;
    private final String rule;
    private final List<Violation> violations;

    private Refused(Kind kind, String rule, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.violations = List.copyOf(violations);
    }

    public static Refused invalid(List<Violation> violations) {
        return new Refused(Kind.INVALID, "validation", "The request breaks " + violations.size() + " rule(s); see errors.",
                violations);
    }

    public static Refused invalid(String field, String rule, String message) {
        return invalid(List.of(new Violation(field, rule, message)));
    }

    public static Refused notFound(String what) {
        return new Refused(Kind.NOT_FOUND, "not-found", what, List.of());
    }

    public static Refused conflict(String rule, String message) {
        return new Refused(Kind.CONFLICT, rule, message, List.of());
    }

    public static Refused forbidden(String rule, String message) {
        return new Refused(Kind.FORBIDDEN, rule, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public List<Violation> violations() {
        return violations;
    }
}
