package nl.transfertafel.notification.routing.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventDescriptor;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository.NewDelivery;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Concern;
import nl.transfertafel.notification.routing.domain.Links;
import nl.transfertafel.notification.routing.domain.Occurrence;
import nl.transfertafel.notification.routing.domain.RoutingPolicy;
import nl.transfertafel.notification.subscription.application.SubscriptionService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an event into delivery rows: who it concerns (the routing policy), on which channels
 * (their subscriptions), one row per (event, recipient, channel). Runs inside the idempotent
 * consumer's transaction, so a redelivered event adds nothing (the consumer ledger skips it, and
 * the unique key of the delivery table would too); the dispatcher sends the rows afterwards.
 */
public class NotificationRouter {

    private final RoutingPolicy policy;
    private final SubscriptionService subscriptions;
    private final DeliveryRepository deliveries;
    private final Links links;
    private final Clock clock;
    private final MeterRegistry meters;

    public NotificationRouter(RoutingPolicy policy, SubscriptionService subscriptions, DeliveryRepository deliveries,
            Links links, Clock clock, MeterRegistry meters) {
        this.policy = policy;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.links = links;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<Void> route(EventEnvelope envelope) {
        Optional<EventDescriptor> descriptor = EventCatalog.find(envelope.type(), envelope.schemaVersion());
        if (descriptor.isEmpty()) {
            return Mono.empty(); // a type (or version) this service does not know: not ours to act on
        }
        Occurrence occurrence = new Occurrence(envelope.eventId(), envelope.type(), envelope.occurredAt(),
                envelope.region(), envelope.payloadAs(descriptor.get().payloadClass()));
        return Flux.fromIterable(policy.concerns(occurrence))
                .concatMap(concern -> subscriptions.channels(concern.recipient(), occurrence.type())
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(channel -> deliveries.insert(newDelivery(occurrence, concern, channel))
                                .doOnNext(created -> {
                                    if (created) {
                                        meters.counter("transfertafel.notifications.queued", "channel", channel.name(),
                                                "type", occurrence.type()).increment();
                                    }
                                })))
                .then();
    }

    private NewDelivery newDelivery(Occurrence occurrence, Concern concern, Channel channel) {
        // a client gets no API link: it has no account here; the GP and provider contact it
        String link = channel == Channel.CLIENT_EMAIL ? null : links.to(concern.subject());
        return new NewDelivery(UUID.randomUUID(), occurrence.eventId(), occurrence.type(), occurrence.occurredAt(),
                occurrence.region(), concern.recipient().key(), channel, concern.notice(), concern.subject(), link,
                clock.instant());
    }
}
