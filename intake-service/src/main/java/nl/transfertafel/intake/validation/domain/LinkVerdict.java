package nl.transfertafel.intake.validation.domain;

import java.time.Instant;

/**
 * What an answer link is worth now: usable, or why not. Unknown, used and expired links each get a
 * page (and a problem) of their own, never an error.
 */
public sealed interface LinkVerdict {

    record Usable() implements LinkVerdict {
    }

    record Unknown() implements LinkVerdict {
    }

    record Used() implements LinkVerdict {
    }

    record Expired() implements LinkVerdict {
    }

    /**
     * @param expiresAt  when the link stops working (the round's deadline plus the reminder period)
     * @param usedAt     when the link was used, or null
     * @param answered   whether the question was answered (by any channel: then the link is spent too)
     */
    static LinkVerdict judge(Instant expiresAt, Instant usedAt, boolean answered, Instant now) {
        if (usedAt != null || answered) {
            return new Used();
        }
        if (expiresAt == null || !now.isBefore(expiresAt)) {
            return new Expired();
        }
        return new Usable();
    }

    /** The verdict for a stored question's link (null when no question has this token's hash). */
    static LinkVerdict of(Question question, Instant now) {
        return question == null ? new Unknown()
                : judge(question.tokenExpiresAt(), question.tokenUsedAt(), question.answer() != null, now);
    }
}
