package nl.transfertafel.notification.delivery.application;

import java.time.Clock;
import java.util.UUID;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository.LogEntry;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.platform.refusal.Refused;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The delivery log (what was sent to whom, when, how many attempts, the last error) and dead-letter replay. */
public class DeliveryLogService {

    private final DeliveryRepository deliveries;
    private final Clock clock;

    public DeliveryLogService(DeliveryRepository deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @param recipient null = every recipient (administrators only: the caller checks) */
    public Mono<Page<LogEntry>> page(Recipient recipient, DeliveryStatus status, int page, int size) {
        String key = recipient == null ? null : recipient.key();
        return Mono.zip(deliveries.log(key, status, Page.offset(page, size), size).collectList(), deliveries.count(key, status))
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    public Mono<LogEntry> replay(UUID id) {
        return deliveries.entry(id)
                .switchIfEmpty(Mono.error(Refused.notFound("delivery " + id)))
                .flatMap(entry -> entry.status() != DeliveryStatus.DEAD
                        ? Mono.error(Refused.conflict("not-dead-lettered",
                                "delivery " + id + " is " + entry.status() + "; only dead letters are replayed"))
                        : deliveries.replay(id, clock.instant()).then(deliveries.entry(id)));
    }

    /** Replays every dead letter of one recipient (e.g. after its receiver was fixed); emits how many. */
    public Mono<Long> replayAll(Recipient recipient) {
        return Flux.defer(() -> deliveries.log(recipient.key(), DeliveryStatus.DEAD, 0, 10_000))
                .concatMap(entry -> deliveries.replay(entry.id(), clock.instant()))
                .filter(Boolean::booleanValue)
                .count();
    }
}
