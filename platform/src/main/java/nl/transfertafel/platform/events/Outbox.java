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
 * Each row is put in the lane of its key (the region), which fixes the relay that keeps its order.
 */
public class Outbox {

    /** Lanes when none are configured: more than the ~31 regions, so regions rarely share one. */
    public static final int DEFAULT_LANES = 32;

    private final DatabaseClient db;
    private final int lanes;
    private final TraceContext traces;

    public Outbox(DatabaseClient db) {
        this(db, DEFAULT_LANES);
    }

    public Outbox(DatabaseClient db, int lanes) {
        this(db, lanes, TraceContext.none());
    }

    /** With {@code traces}: each row keeps the trace it was written in, for the relay to pass on. */
    public Outbox(DatabaseClient db, int lanes, TraceContext traces) {
        if (lanes < 1) {
            throw new IllegalArgumentException("the outbox needs at least one lane, not " + lanes);
        }
        this.db = db;
        this.lanes = lanes;
        this.traces = traces;
    }

    /**
     * The lane of a message key. Stable across instances and restarts (String.hashCode is specified);
     * change the lane count only with an empty outbox, or rows of one region may sit in two lanes.
     */
    public static int laneOf(String key, int lanes) {
        return Math.floorMod(key.hashCode(), lanes);
    }

    public Mono<Void> append(NewEvent event) {
        return append(List.of(event));
    }

    public Mono<Void> append(List<NewEvent> events) {
        return Mono.deferContextual(context -> {
            UUID correlation = Correlation.from(context).orElse(null);
            String traceparent = traces.traceparent(context).orElse(null);
            return Flux.fromIterable(events)
                    .concatMap(event -> insert(EventJson.envelop(event,
                            correlation != null ? correlation : event.eventId()), event.descriptor().topic(), traceparent))
                    .then();
        });
    }

    private Mono<Long> insert(EventEnvelope envelope, String topic, String traceparent) {
        EventSchemas.requireValid(envelope);
        var spec = db.sql("""
                        insert into outbox (event_id, topic, message_key, event_type, envelope, lane, trace_parent)
                        values (:eventId, :topic, :key, :type, :envelope, :lane, :traceparent)""");
        spec = traceparent == null ? spec.bindNull("traceparent", String.class) : spec.bind("traceparent", traceparent);
        return spec
                .bind("eventId", envelope.eventId())
                .bind("topic", topic)
                .bind("key", envelope.region())
                .bind("type", envelope.type())
                .bind("envelope", EventJson.write(envelope))
                .bind("lane", laneOf(envelope.region(), lanes))
                .fetch()
                .rowsUpdated();
    }
}
