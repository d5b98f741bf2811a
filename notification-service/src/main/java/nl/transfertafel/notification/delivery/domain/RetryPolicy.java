package nl.transfertafel.notification.delivery.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * After a failed attempt: try again later, with exponential backoff and jitter, or give up and
 * dead-letter once the configured number of attempts is spent. "Equal jitter": half the backoff is
 * fixed, half random, so receivers recovering from an outage are not hit by every sender at once
 * while the wait still grows.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("0 < initialBackoff <= maxBackoff");
        }
    }

    public sealed interface Next {
    }

    public record RetryAt(Instant at, Duration backoff) implements Next {
    }

    public record DeadLetter() implements Next {
    }

    /**
     * @param attemptsMade attempts made so far, including the one that just failed (1 after the first failure)
     * @param random01     a random number in [0, 1)
     */
    public Next afterFailure(int attemptsMade, Instant now, double random01) {
        if (attemptsMade >= maxAttempts) {
            return new DeadLetter();
        }
        Duration backoff = backoff(attemptsMade);
        long half = backoff.toMillis() / 2;
        long jittered = half + (long) (random01 * (backoff.toMillis() - half));
        return new RetryAt(now.plusMillis(jittered), Duration.ofMillis(jittered));
    }

    /** The un-jittered backoff after {@code attemptsMade} failures: initial, 2x, 4x, ... capped at the maximum. */
    public Duration backoff(int attemptsMade) {
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long millis = initialBackoff.toMillis() << doublings;
        if (millis <= 0 || millis > maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis(millis);
    }
}
