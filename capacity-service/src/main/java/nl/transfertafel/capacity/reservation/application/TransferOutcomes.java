package nl.transfertafel.capacity.reservation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Settles reservations on the transfer table's outcomes: a transfer that ended without a transfer
 * releases its place, a completed transfer confirms it. Runs inside the idempotent consumer's
 * transaction, so a redelivered event is skipped; a second, different event about the same
 * reservation changes nothing (the reservation is already released or confirmed). A refusal (for
 * example an ended transfer whose reservation was confirmed) is logged and counted, never retried.
 */
public class TransferOutcomes {

    private static final Logger log = LoggerFactory.getLogger(TransferOutcomes.class);

    private final ReservationService reservations;
    private final Clock clock;
    private final MeterRegistry meters;

    public TransferOutcomes(ReservationService reservations, Clock clock, MeterRegistry meters) {
        this.reservations = reservations;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<Void> onTransferEvent(EventEnvelope event) {
        if (event.is(TransferEnded.class)) {
            TransferEnded ended = event.payloadAs(TransferEnded.class);
            Mono<Void> markEnded = ended.proposalId() == null ? Mono.empty()
                    : reservations.ended(ended.proposalId());
            return markEnded.then(settle(event, ended.reservationId(), ended.proposalId(), "released",
                    id -> reservations.settle(id, (reservation, line) -> reservation.release(line, clock))));
        }
        if (event.is(TransferCompleted.class)) {
            TransferCompleted completed = event.payloadAs(TransferCompleted.class);
            return settle(event, completed.reservationId(), completed.proposalId(), "confirmed",
                    id -> reservations.settle(id, (reservation, line) -> reservation.confirm(line, clock)));
        }
        return Mono.empty();
    }

    /**
     * Settles the reservation the event names; an event without a reservation id settles the one
     * held for its proposal, if any (issue 11 item 16: when the transfer table's reserve call timed
     * out after the place was taken, its proposal lapses without knowing the reservation, and the
     * place must not stay held until the hold runs out days later).
     */
    private Mono<Void> settle(EventEnvelope event, String reservationId, String proposalId, String action,
            java.util.function.Function<UUID, Mono<ReservationService.Reserved>> apply) {
        if (reservationId == null) {
            if (proposalId == null) {
                return Mono.empty();
            }
            return reservations.reservationOf(proposalId)
                    .flatMap(id -> {
                        log.info("{} {} names no reservation; proposal {} holds reservation {}", event.type(),
                                event.eventId(), proposalId, id);
                        return settle(event, id.toString(), null, action, apply);
                    });
        }
        UUID id;
        try {
            id = UUID.fromString(reservationId);
        } catch (IllegalArgumentException notOurs) {
            log.warn("{} {} names reservation '{}', which is not one of ours; ignored", event.type(), event.eventId(),
                    reservationId);
            return Mono.empty();
        }
        return apply.apply(id)
                .doOnNext(reserved -> log.info("{} {}: reservation {} {} ({})", event.type(), event.eventId(), id,
                        reserved.created() ? action : "already " + reserved.reservation().state(),
                        reserved.reservation().state()))
                .onErrorResume(Refused.class, refused -> {
                    meters.counter("transfertafel.reservations.settle.refused", "type", event.type(),
                            "rule", refused.rule()).increment();
                    log.warn("{} {}: reservation {} not {}: {}: {}", event.type(), event.eventId(), id, action,
                            refused.rule(), refused.getMessage());
                    return Mono.empty();
                })
                .then();
    }
}
