package nl.transfertafel.transfertable.common.application;

/**
 * An expected "no" from an application service: not found, a conflict with the current state, a
 * rule that forbids it, or invalid input. The web edge answers it as problem+json with
 * {@link #rule()} and {@link #getMessage()} verbatim (the coordinator page shows the same words).
 */
public class Refusal extends RuntimeException {

    public enum Kind { NOT_FOUND, CONFLICT, FORBIDDEN, INVALID }

    private final Kind kind;
    private final String rule;
    private final String field;

    public Refusal(Kind kind, String rule, String field, String message) {
        super(message);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", null, what);
    }

    public static Refusal conflict(String rule, String message) {
        return new Refusal(Kind.CONFLICT, rule, null, message);
    }

    public static Refusal forbidden(String rule, String message) {
        return new Refusal(Kind.FORBIDDEN, rule, null, message);
    }

    public static Refusal invalid(String field, String rule, String message) {
        return new Refusal(Kind.INVALID, rule, field, message);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
