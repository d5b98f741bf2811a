package nl.transfertafel.capacity.common.domain;

import java.util.Optional;

/** What a policy answers: allowed, or refused with the rule and reason. */
public sealed interface Decision permits Decision.Allowed, Decision.Refused {

    Decision ALLOWED = new Allowed();

    static Decision allow() {
        return ALLOWED;
    }

    static Decision refuse(Refusal refusal) {
        return new Refused(refusal);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    default Optional<Refusal> refusal() {
        return this instanceof Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** This decision if it refuses, otherwise the next one: checks read top to bottom, first refusal wins. */
    default Decision and(java.util.function.Supplier<Decision> next) {
        return isAllowed() ? next.get() : this;
    }

    record Allowed() implements Decision {
    }

    record Refused(Refusal reason) implements Decision {
    }
}
