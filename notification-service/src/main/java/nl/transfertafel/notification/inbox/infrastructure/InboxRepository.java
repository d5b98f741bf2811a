package nl.transfertafel.notification.inbox.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public class InboxRepository {

    private final DatabaseClient db;
    private final Clock clock;

    public InboxRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One notification per (event, organisation), whatever happens upstream. */
    public Mono<Void> add(String organisation, EventEnvelope event, String subjectId, String link) {
        return db.sql("""
                        insert into inbox_notification (id, organisation, region, event_id, event_type, subject_id, link, created_at)
                        values (:id, :organisation, :region, :eventId, :type, :subject, :link, :at)
                        on conflict (event_id, organisation) do nothing""")
                .bind("id", UUID.randomUUID())
                .bind("organisation", organisation)
                .bind("region", event.region())
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .bind("subject", subjectId)
                .bind("link", link)
                .bind("at", clock.instant())
                .then();
    }

    public Flux<InboxItem> forOrganisation(String organisation) {
        return db.sql("""
                        select id, event_type, subject_id, link, created_at, read_at from inbox_notification
                        where organisation = :organisation order by created_at desc limit 200""")
                .bind("organisation", organisation)
                .map(row -> new InboxItem(row.get("id", UUID.class), row.get("event_type", String.class),
                        row.get("subject_id", String.class), row.get("link", String.class),
                        row.get("created_at", Instant.class), row.get("read_at", Instant.class)))
                .all();
    }

    public record InboxItem(UUID id, String type, String subjectId, String link, Instant createdAt, Instant readAt) {
    }
}
