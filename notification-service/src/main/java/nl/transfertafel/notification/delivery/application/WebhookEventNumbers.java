package nl.transfertafel.notification.delivery.application;

import java.time.Instant;
import nl.transfertafel.notification.delivery.domain.Delivery;
import reactor.core.publisher.Mono;

/**
 * A webhook delivery's number among its lane's deliveries since the subscription started (1 for the first):
 * the backport's {@code event-number} and {@code events-since-subscription-start}. Counted from the lane, so
 * a retry of the same delivery has the same number and a receiver sees a gap when one is missing.
 */
@FunctionalInterface
public interface WebhookEventNumbers {

    Mono<Long> of(Delivery delivery, Instant since);
}
