package nl.transfertafel.transfertable.readmodel.application;

import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import reactor.core.publisher.Mono;

/** Keeps the read model of waiting clients and capacity lines in step with the events of intake and capacity. */
public class ReadModelProjector {

    private final ReadModelRepository repository;

    public ReadModelProjector(ReadModelRepository repository) {
        this.repository = repository;
    }

    public Mono<Void> onReferralEvent(EventEnvelope event) {
        if (event.is(ReferralReceived.class)) {
            return repository.upsertWaitingClient(event.region(), event.payloadAs(ReferralReceived.class));
        }
        return Mono.empty();
    }

    public Mono<Void> onCapacityEvent(EventEnvelope event) {
        if (event.is(CapacityAnnounced.class)) {
            return repository.upsertCapacityLine(event.region(), event.payloadAs(CapacityAnnounced.class));
        }
        return Mono.empty();
    }
}
