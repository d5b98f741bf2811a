package nl.transfertafel.notification.routing.application;

import reactor.core.publisher.Mono;

/**
 * Where routed notifications go: the delivery table, in the consumer's transaction (implemented by
 * the delivery feature). Routing owns this port so that it depends on nobody.
 */
public interface DeliveryQueue {

    /** Emits true when the delivery is new; false when this (event, recipient, channel) had one already. */
    Mono<Boolean> insert(NewDelivery delivery);
}
