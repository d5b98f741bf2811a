package nl.transfertafel.notification.delivery.domain;

import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;

/**
 * One notification for one (event, recipient, channel): the unit that is sent, retried,
 * dead-lettered and replayed. Deliveries of one recipient on one channel form a lane, worked in
 * {@code seq} order: a failing head holds back the ones behind it, so a receiver that was down
 * gets everything afterwards in order.
 */
public record Delivery(
        UUID id,
        long seq,
        UUID eventId,
        String eventType,
        Instant occurredAt,
        String region,
        Recipient recipient,
        Channel channel,
        Notice notice,
        Subject subject,
        String link,
        DeliveryStatus status,
        int attempts) {

    public ThinNotification notification() {
        return new ThinNotification(id, eventId, eventType, occurredAt, region, recipient.key(), notice, subject, link);
    }
}
