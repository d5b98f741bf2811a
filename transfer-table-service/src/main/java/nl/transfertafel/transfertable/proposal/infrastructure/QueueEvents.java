package nl.transfertafel.transfertable.proposal.infrastructure;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live changes of the screening queues, fed from the transfer table's own events on Kafka (so every
 * instance of the service sees every change, whichever instance made it) and streamed to the
 * coordinators of the region as Server-Sent Events. Carries ids and states only, no personal data.
 */
public class QueueEvents {

    public record QueueChange(String region, String eventType, String proposalId, String aggregateId, Instant occurredAt) {
    }

    private final Sinks.Many<QueueChange> sink = Sinks.many().multicast().directBestEffort();

    public void publish(QueueChange change) {
        sink.tryEmitNext(change);
    }

    public Flux<QueueChange> region(String region) {
        return sink.asFlux().filter(change -> java.util.Objects.equals(change.region(), region));
    }
}
