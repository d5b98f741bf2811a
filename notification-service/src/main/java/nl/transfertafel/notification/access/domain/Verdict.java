package nl.transfertafel.notification.access.domain;

/** The answer of a policy: allowed, or rejected with the rule broken and why. */
public sealed interface Verdict {

    Verdict ALLOWED = new Allowed();

    static Verdict reject(String rule, String reason) {
        return new Rejected(rule, reason);
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Verdict {
    }

    record Rejected(String rule, String reason) implements Verdict {
    }
}
