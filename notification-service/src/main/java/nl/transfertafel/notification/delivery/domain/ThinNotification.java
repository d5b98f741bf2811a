package nl.transfertafel.notification.delivery.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Subject;

/**
 * Everything a notification says: which event, about which thing, for whom, and where to fetch the
 * detail under the receiver's own authorisation. Deliberately nothing else (privacy by design,
 * criterion c; 001:214): no BSN, no names, no contact details, no clinical detail.
 */
public record ThinNotification(
        UUID deliveryId,
        UUID eventId,
        String eventType,
        Instant occurredAt,
        String region,
        String recipient,
        Notice notice,
        Subject subject,
        String link) {

    /** The values templates may use. */
    public Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("eventType", eventType);
        values.put("subjectId", subject.id());
        values.put("subjectKind", subject.kind().name());
        values.put("region", region);
        values.put("recipient", recipient);
        values.put("link", link == null ? "" : link);
        return values;
    }

    public Map<Language, NoticeTexts.Text> texts(NoticeTexts templates) {
        return new EnumMap<>(templates.renderAll(notice, templateValues()));
    }
}
