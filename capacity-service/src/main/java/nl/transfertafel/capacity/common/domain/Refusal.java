package nl.transfertafel.capacity.common.domain;

import java.util.Objects;

/**
 * Why a command was refused: the kind of refusal (which the web edge turns into 400, 403, 404 or
 * 409), the rule that was broken, the field it concerns (for bad input) and a sentence for people.
 * Never personal data: this service holds none, and the detail is shown to the caller.
 */
public record Refusal(Kind kind, String rule, String field, String detail) {

    public enum Kind { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

    public Refusal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    public static Refusal invalid(String field, String rule, String detail) {
        return new Refusal(Kind.INVALID, rule, field, detail);
    }

    public static Refusal forbidden(String rule, String detail) {
        return new Refusal(Kind.FORBIDDEN, rule, null, detail);
    }

    public static Refusal notFound(String what) {
        return new Refusal(Kind.NOT_FOUND, "not-found", null, what);
    }

    public static Refusal conflict(String rule, String detail) {
        return new Refusal(Kind.CONFLICT, rule, null, detail);
    }
}
