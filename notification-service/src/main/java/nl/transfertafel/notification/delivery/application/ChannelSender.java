package nl.transfertafel.notification.delivery.application;

import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.routing.domain.Channel;
import reactor.core.publisher.Mono;

/** Sends deliveries of one channel. Runs inside the dispatcher's transaction for that delivery. */
public interface ChannelSender {

    Channel channel();

    Mono<SendOutcome> send(Delivery delivery);

    /** Called once the delivery is recorded as sent and committed (e.g. to push it to live inbox streams). */
    default void afterCommit(Delivery delivery) {
    }
}
