package nl.transfertafel.capacity.common.domain;

import java.util.List;
import java.util.function.Function;
import nl.transfertafel.contracts.events.NewEvent;

/**
 * What an aggregate answers to a command: the new state with the past-tense events it decided
 * (none when the command changed nothing, which keeps repeated commands idempotent), or a refusal.
 */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Rejected {

    static <T> Outcome<T> done(T state, List<NewEvent> events) {
        return new Done<>(state, List.copyOf(events));
    }

    static <T> Outcome<T> done(T state, NewEvent event) {
        return new Done<>(state, List.of(event));
    }

    static <T> Outcome<T> unchanged(T state) {
        return new Done<>(state, List.of());
    }

    static <T> Outcome<T> rejected(Refusal refusal) {
        return new Rejected<>(refusal);
    }

    /** The result, or the refusal raised as the caller's exception (application services roll back on it). */
    default Done<T> orRaise(Function<Refusal, ? extends RuntimeException> raise) {
        if (this instanceof Rejected<T> rejected) {
            throw raise.apply(rejected.refusal());
        }
        return (Done<T>) this;
    }

    record Done<T>(T state, List<NewEvent> events) implements Outcome<T> {

        public boolean changed() {
            return !events.isEmpty();
        }
    }

    record Rejected<T>(Refusal refusal) implements Outcome<T> {
    }
}
