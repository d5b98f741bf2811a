package nl.transfertafel.intake.validation.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One client's question in a round: about one waiting entry (the referral), answered once, through
 * one channel. Ids and codes only; the client's contact stays with the referral's personal data.
 */
public record Question(
        UUID id,
        UUID roundId,
        UUID referralId,
        String region,
        String clientPseudonym,
        String referrerAgb,
        String providerAgb,
        Answer answer,
        Channel answeredVia,
        Instant answeredAt,
        Instant remindedAt,
        Instant flaggedAt,
        Instant tokenExpiresAt,
        Instant tokenUsedAt) {

    /** How an answer came in. */
    public enum Channel { LINK, GP, CLIENT_SUPPORT }

    public boolean answered() {
        return answer != null;
    }
}
