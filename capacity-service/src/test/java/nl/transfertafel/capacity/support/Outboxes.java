package nl.transfertafel.capacity.support;

import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads what the service put in its outbox (the events it decided, in order), checked against the schemas. */
public final class Outboxes {

    private Outboxes() {
    }

    public static List<EventEnvelope> eventsFor(DatabaseClient db, String aggregateId) {
        return db.sql("select envelope from outbox where envelope like :pattern order by id")
                .bind("pattern", "%\"aggregateId\":\"" + aggregateId + "\"%")
                .map(row -> EventJson.read(row.get("envelope", String.class)))
                .all().collectList().block();
    }

    public static List<EventEnvelope> eventsOfType(DatabaseClient db, String type, String containing) {
        return db.sql("select envelope from outbox where event_type = :type and envelope like :pattern order by id")
                .bind("type", type)
                .bind("pattern", "%" + containing + "%")
                .map(row -> EventJson.read(row.get("envelope", String.class)))
                .all().collectList().block();
    }
}
