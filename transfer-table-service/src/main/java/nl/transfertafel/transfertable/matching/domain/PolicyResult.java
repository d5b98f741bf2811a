package nl.transfertafel.transfertable.matching.domain;

/** What an eligibility policy says: allowed, or blocked with a coded reason and a sentence for people. */
public sealed interface PolicyResult permits PolicyResult.Allowed, PolicyResult.Blocked {

    Allowed ALLOWED = new Allowed();

    static Blocked blocked(String policy, BlockReason reason) {
        return new Blocked(policy, reason, reason.sentence());
    }

    static Blocked blocked(String policy, BlockReason reason, String detail) {
        return new Blocked(policy, reason, detail);
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements PolicyResult {
    }

    record Blocked(String policy, BlockReason reason, String detail) implements PolicyResult {
    }
}
