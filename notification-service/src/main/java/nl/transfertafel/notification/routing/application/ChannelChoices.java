package nl.transfertafel.notification.routing.application;

import java.util.Set;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import reactor.core.publisher.Mono;

/** The channels an event type reaches a recipient on: its subscriptions (implemented by the subscription feature). */
public interface ChannelChoices {

    Mono<Set<Channel>> channels(Recipient recipient, String eventType);
}
