package nl.transfertafel.contracts.events.intake;

import java.time.Instant;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;

/**
 * A "still waiting?" validation round (issue 15 item 1) asks the client of a waiting entry whether
 * they still wait, still want this kind of care and still accept transfer screening: once when the
 * round starts ({@link Attempt#FIRST}) and once more at the deadline when no answer came
 * ({@link Attempt#REMINDER}). Carries ids only: no name, no address and never the answer link's
 * token (notification-service asks intake-service for a fresh link when it sends the e-mail).
 *
 * @param answerBy until when the question can be answered (the round's deadline; after a reminder,
 *                 the deadline plus the reminder period)
 */
@EventType(name = "ValidationQuestionAsked", topic = Topics.INTAKE_WAITING_EVENTS)
public record ValidationQuestionAsked(
        String roundId,
        String questionId,
        String referralId,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb,
        Attempt attempt,
        Instant answerBy) implements EventPayload {

    public enum Attempt { FIRST, REMINDER }
}
