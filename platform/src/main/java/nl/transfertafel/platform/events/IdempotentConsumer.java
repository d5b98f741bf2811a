package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import nl.transfertafel.contracts.events.EventEnvelope;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Runs an event's effect at most once per consumer: {@code (consumer, eventId)} is inserted in the
 * same transaction as the effect, so a redelivered event finds its row and is skipped, and a failed
 * effect rolls the row back so the retry runs it again.
 */
public class IdempotentConsumer {

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final MeterRegistry meters;

    public IdempotentConsumer(DatabaseClient db, TransactionalOperator tx, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.meters = meters;
    }

    /** Emits true when the effect ran, false when the event had been processed before. */
    public Mono<Boolean> process(String consumer, EventEnvelope event, Function<EventEnvelope, Mono<?>> effect) {
        Mono<Boolean> once = db.sql("""
                        insert into processed_event (consumer, event_id, event_type) values (:consumer, :eventId, :type)
                        on conflict do nothing""")
                .bind("consumer", consumer)
                .bind("eventId", event.eventId())
                .bind("type", event.type())
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 0
                        ? Mono.just(false)
                        : effect.apply(event).then(Mono.just(true)));
        return tx.transactional(once)
                .contextWrite(Correlation.with(event.correlationId() != null ? event.correlationId() : event.eventId()))
                .doOnNext(ran -> meters.counter("transfertafel.events.consumed",
                        "consumer", consumer, "type", event.type(), "outcome", ran ? "processed" : "duplicate")
                        .increment());
    }
}
