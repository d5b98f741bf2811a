package nl.transfertafel.platform.refusal;

import java.util.List;
import java.util.Objects;

/**
 * The one way a service says "no" to a request it understood: the input breaks a rule
 * ({@link Kind#INVALID}), names something unknown or not the caller's ({@link Kind#NOT_FOUND}), the
 * caller may not do this ({@link Kind#FORBIDDEN}), or the current state does not allow it
 * ({@link Kind#CONFLICT}). Every answer names the {@link #rule()} it applies, and the detail is a
 * sentence for the person who asked (never personal data: it is shown to the caller).
 *
 * <p>Application services throw it (or return it as a {@code Mono.error}); so does the web edge
 * itself (e.g. the idempotency keys). The platform's {@code web.ProblemDetailsAdvice} answers every
 * refusal as RFC 9457 problem+json (400, 404, 403 or 409; {@code rule}, {@code detail}, and for
 * invalid input {@code errors: [{field, rule, message}]}). It is plain Java in a package outside
 * {@code ..web..}, so application code may use it under the architecture rules; domain code stays
 * free of it and returns its own verdict values, which the application layer translates into a
 * refusal. There is no second exception for the web edge: a refusal is the same whoever raises it.
 *
 * <p>It carries no stack trace: it is an expected answer, not a fault, and is created on hot paths.
 */
public final class Refused extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT }

    /** One broken rule on one input field: what a client needs to fix its input. */
    public record Violation(String field, String rule, String message) {
    }

    /** The rule every invalid request answers with; its {@link #violations()} name the fields. */
    public static final String VALIDATION = "validation";

    /**
     * The rule of a lost optimistic race: someone else changed the same thing at the same moment. Not a
     * fault of the request or the event: trying again on a fresh copy may well succeed.
     */
    public static final String CONCURRENT_UPDATE = "concurrent-update";

    /** The rule of every unknown (or not-yours) answer: the same, so existence does not leak. */
    public static final String NOT_FOUND = "not-found";

    private final Kind kind;
    private final String rule;
    private final transient List<Violation> violations;

    private Refused(Kind kind, String rule, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.rule = Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
        this.violations = List.copyOf(violations);
    }

    /** Bad input on several fields at once; each violation names its field and rule. */
    public static Refused invalid(List<Violation> violations) {
        return new Refused(Kind.INVALID, VALIDATION, "The request breaks " + violations.size() + " rule(s); see errors.",
                violations);
    }

    /** Bad input on one field ({@code null} field: the body as a whole). */
    public static Refused invalid(String field, String rule, String message) {
        return invalid(List.of(new Violation(field == null ? "body" : field, rule, message)));
    }

    /** {@code what} (e.g. {@code "referral 42"}) does not exist, or is not the caller's to see: one answer for both. */
    public static Refused notFound(String what) {
        return new Refused(Kind.NOT_FOUND, NOT_FOUND, what + " does not exist or is not yours to see", List.of());
    }

    /** The caller may not do this, by the named rule (beyond the role check the platform makes). */
    public static Refused forbidden(String rule, String detail) {
        return new Refused(Kind.FORBIDDEN, rule, detail, List.of());
    }

    /** The current state does not allow this, by the named rule (a stale version included). */
    public static Refused conflict(String rule, String detail) {
        return new Refused(Kind.CONFLICT, rule, detail, List.of());
    }

    /** Whether this is a lost optimistic race ({@link #CONCURRENT_UPDATE}), which a retry may win. */
    public boolean isLostRace() {
        return kind == Kind.CONFLICT && CONCURRENT_UPDATE.equals(rule);
    }

    public Kind kind() {
        return kind;
    }

    public String rule() {
        return rule;
    }

    /** The sentence for the caller (the same as {@link #getMessage()}). */
    public String detail() {
        return getMessage();
    }

    /** For {@link Kind#INVALID}: each broken rule on each field; otherwise empty. */
    public List<Violation> violations() {
        return violations;
    }
}
