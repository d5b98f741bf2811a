package nl.transfertafel.intake.validation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.transfertafel.intake.waitinglist.domain.Refusal;

/**
 * A round's deadline lies in the future, at least {@code minimumAhead} (a client needs time to read
 * and answer) and at most {@code maximumAhead} (an answer link must not live for months). After the
 * deadline the unanswered are reminded and get {@code reminderPeriod} more before they are flagged.
 */
public record DeadlinePolicy(Duration minimumAhead, Duration maximumAhead, Duration reminderPeriod) {

    public DeadlinePolicy {
        if (minimumAhead.isNegative() || maximumAhead.compareTo(minimumAhead) <= 0 || reminderPeriod.isNegative()
                || reminderPeriod.isZero()) {
            throw new IllegalArgumentException("0 <= minimumAhead < maximumAhead and a positive reminder period");
        }
    }

    public Optional<Refusal> check(Instant deadline, Instant now) {
        if (deadline == null) {
            return Optional.of(Refusal.invalid("deadline", "NotNull", "a round needs a deadline"));
        }
        if (!deadline.isAfter(now.plus(minimumAhead))) {
            return Optional.of(Refusal.invalid("deadline", "Future",
                    "the deadline must lie at least " + minimumAhead.toHours() + " hours ahead"));
        }
        if (deadline.isAfter(now.plus(maximumAhead))) {
            return Optional.of(Refusal.invalid("deadline", "AtMost" + maximumAhead.toDays() + "Days",
                    "the deadline may lie at most " + maximumAhead.toDays() + " days ahead"));
        }
        return Optional.empty();
    }

    /** Until when a reminded client can still answer. */
    public Instant reminderUntil(Instant deadline) {
        return deadline.plus(reminderPeriod);
    }
}
