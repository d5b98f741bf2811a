package nl.transfertafel.platform.events;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox: the only way an event leaves a service. {@link #append} must run in the
 * same R2DBC transaction as the state change it reports, so both commit or neither does; the
 * {@link OutboxRelay} publishes afterwards. Every event is checked against its JSON Schema here.
 */
public class Outbox {

    private final DatabaseClient db;

    public Outbox(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> append(NewEvent event) {
        return append(List.of(event));
    }

    public Mono<Void> append(List<NewEvent> events) {
        return Mono.deferContextual(context -> {
            UUID correlation = Correlation.from(context).orElse(null);
            return Flux.fromIterable(events)
                    .concatMap(event -> insert(EventJson.envelop(event,
                            correlation != null ? correlation : event.eventId()), event.descriptor().topic()))
                    .then();
        });
    }

    private Mono<Long> insert(EventEnvelope envelope, String topic) {
        EventSchemas.requireValid(envelope);
        return db.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope)
                        values (:eventId, :topic, :key, :type, :envelope)""")
                .bind("eventId", envelope.eventId())
                .bind("topic", topic)
                .bind("key", envelope.region())
                .bind("type", envelope.type())
                .bind("envelope", EventJson.write(envelope))
                .fetch()
                .rowsUpdated();
    }
}
