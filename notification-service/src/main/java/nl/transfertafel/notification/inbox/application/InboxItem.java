package nl.transfertafel.notification.inbox.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;

/** A notification in an inbox, as the API and the live stream show it: thin, with texts in Dutch and English. */
public record InboxItem(UUID id, UUID eventId, String eventType, String notice, String organisation, String region,
        Subject subject, String link, Instant occurredAt, Instant createdAt, Instant readAt,
        Map<String, NoticeTexts.Text> texts) {

    public record Subject(String kind, String id) {
    }
}
