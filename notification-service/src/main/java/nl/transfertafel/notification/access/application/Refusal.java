package nl.transfertafel.notification.access.application;

import nl.transfertafel.notification.access.domain.Verdict;

/** An expected refusal from an application service; the web edge answers it as problem+json. */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final String rule;
    private final String field;

    public Refusal(Kind kind, String rule, String field, String detail) {
        super(detail);
        this.kind = kind;
        this.rule = rule;
        this.field = field;
    }

    public static Refusal of(Kind kind, Verdict.Rejected rejected, String field) {
        return new Refusal(kind, rejected.rule(), field, rejected.reason());
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", null, what);
    }

    public static Refusal conflict(String rule, String detail) {
        return new Refusal(Kind.CONFLICT, rule, null, detail);
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
