package nl.transfertafel.notification.delivery.application;

import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import reactor.core.publisher.Mono;

/** The webhook a recipient registered, if any (looked up at send time: a removed webhook is not sent to). */
@FunctionalInterface
public interface WebhookEndpoints {

    Mono<WebhookEndpoint> of(String recipient);
}
