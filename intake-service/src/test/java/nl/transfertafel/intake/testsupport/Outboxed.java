package nl.transfertafel.intake.testsupport;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventPayload;
import org.springframework.r2dbc.core.DatabaseClient;

/** Reads what the service appended to its outbox for one aggregate (a referral), in order. */
public final class Outboxed {

    private final DatabaseClient db;

    public Outboxed(DatabaseClient db) {
        this.db = db;
    }

    public List<EventEnvelope> events(UUID referralId) {
        return db.sql("select envelope from outbox where envelope like :id order by id")
                .bind("id", "%\"aggregateId\":\"" + referralId + "\"%")
                .map(row -> EventJson.read(row.get("envelope", String.class)))
                .all().collectList().block();
    }

    public <P extends EventPayload> List<P> events(UUID referralId, Class<P> type) {
        return events(referralId).stream().filter(envelope -> envelope.is(type)).map(envelope -> envelope.payloadAs(type))
                .toList();
    }

    public long count(String sql, Object... bindings) {
        var spec = db.sql(sql);
        for (int i = 0; i < bindings.length; i++) {
            spec = spec.bind("p" + i, bindings[i]);
        }
        return spec.map(row -> ((Number) row.get(0)).longValue()).one().block();
    }
}
