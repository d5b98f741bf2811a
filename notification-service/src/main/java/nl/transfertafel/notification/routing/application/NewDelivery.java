package nl.transfertafel.notification.routing.application;

import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Subject;

/**
 * One notification the router decided on, for one (event, recipient, channel).
 *
 * @param referralId the referral of the client an offer or transfer is about, where a client's
 *                   supporter may hear of it (its desk shows only what concerns its clients); else null
 */
public record NewDelivery(UUID id, UUID eventId, String eventType, Instant occurredAt, String region, String recipient,
        Channel channel, Notice notice, Subject subject, String link, String referralId, Instant at) {
}
