package nl.transfertafel.platform.events;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.NewEvent;
import org.springframework.r2dbc.core.DatabaseClient;
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

    /**
     * Appends the events with one statement (rows from {@code unnest} of one array per column, taken in
     * list order, so the outbox ids, and with them the order the relay publishes a region's events in,
     * follow the list) and one wake-up of the relay (the outbox trigger fires per statement). Every event
     * is checked against its JSON Schema before anything is written.
     */
    public Mono<Void> append(List<NewEvent> events) {
        if (events.isEmpty()) {
            return Mono.empty();
        }
        return Mono.deferContextual(context -> {
            UUID correlation = Correlation.from(context).orElse(null);
            String traceparent = traces.traceparent(context).orElse(null);
            int size = events.size();
            UUID[] ids = new UUID[size];
            String[] topics = new String[size];
            String[] keys = new String[size];
            String[] types = new String[size];
            String[] envelopes = new String[size];
            Integer[] laneNumbers = new Integer[size];
            for (int i = 0; i < size; i++) {
                NewEvent event = events.get(i);
                EventEnvelope envelope = EventJson.envelop(event, correlation != null ? correlation : event.eventId());
                EventSchemas.requireValid(envelope);
                ids[i] = envelope.eventId();
                topics[i] = event.descriptor().topic();
                keys[i] = envelope.region();
                types[i] = envelope.type();
                envelopes[i] = EventJson.write(envelope);
                laneNumbers[i] = laneOf(envelope.region(), lanes);
            }
            var spec = db.sql("""
                    insert into outbox (event_id, topic, message_key, event_type, envelope, lane, trace_parent)
                    select e.event_id, e.topic, e.message_key, e.event_type, e.envelope, e.lane, cast(:traceparent as text)
                    from unnest(:ids, :topics, :keys, :types, :envelopes, :lanes)
                        with ordinality as e(event_id, topic, message_key, event_type, envelope, lane, position)
                    order by e.position""");
            spec = traceparent == null ? spec.bindNull("traceparent", String.class) : spec.bind("traceparent", traceparent);
            return spec
                    .bind("ids", ids)
                    .bind("topics", topics)
                    .bind("keys", keys)
                    .bind("types", types)
                    .bind("envelopes", envelopes)
                    .bind("lanes", laneNumbers)
                    .fetch()
                    .rowsUpdated()
                    .then();
        });
    }
}
