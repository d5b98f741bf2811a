package nl.transfertafel.notification.routing.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventCatalog;
import nl.transfertafel.contracts.events.EventDescriptor;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Concern;
import nl.transfertafel.notification.routing.domain.Links;
import nl.transfertafel.notification.routing.domain.Occurrence;
import nl.transfertafel.notification.routing.domain.RoutingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns an event into delivery rows: who it concerns (the routing policy), on which channels
 * (their subscriptions), one row per (event, recipient, channel). Runs inside the idempotent
 * consumer's transaction, so a redelivered event adds nothing (the consumer ledger skips it, and
 * the unique key of the delivery table would too); the dispatcher sends the rows afterwards.
 * {@code ClientSupportChanged} is not a notification: it records which client-support organisation
 * a referral's client named, so that the supporter hears of the client's offers.
 */
public class NotificationRouter {

    private static final Logger log = LoggerFactory.getLogger(NotificationRouter.class);

    private final RoutingPolicy policy;
    private final ChannelChoices channels;
    private final DeliveryQueue deliveries;
    private final ClientSupportDirectory support;
    private final Links links;
    private final Clock clock;
    private final MeterRegistry meters;

    public NotificationRouter(RoutingPolicy policy, ChannelChoices channels, DeliveryQueue deliveries,
            ClientSupportDirectory support, Links links, Clock clock, MeterRegistry meters) {
        this.policy = policy;
        this.channels = channels;
        this.deliveries = deliveries;
        this.support = support;
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
        if (occurrence.payload() instanceof ClientSupportChanged changed) {
            return support.record(changed.referralId(), changed.supportOrganisation());
        }
        String referralId = RoutingPolicy.supportedReferralOf(occurrence.payload()).orElse(null);
        Mono<Optional<String>> supporter = referralId == null ? Mono.just(Optional.empty())
                : support.organisationFor(referralId);
        return supporter.flatMapMany(organisation -> Flux.fromIterable(policy.concerns(occurrence, organisation.orElse(null))))
                .concatMap(concern -> channels.channels(concern.recipient(), occurrence.type())
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(channel -> deliveries.insert(newDelivery(occurrence, concern, channel, referralId))
                                .doOnNext(created -> {
                                    if (created) {
                                        meters.counter("transfertafel.notifications.queued", "channel", channel.name(),
                                                "type", occurrence.type()).increment();
                                    }
                                })))
                .filter(created -> created)
                .count()
                // a line per event that notifies someone, in the event's trace (ids and counts only, never a
                // recipient's data); events that concern nobody here only at debug
                .doOnNext(queued -> {
                    if (queued > 0) {
                        log.info("{} {} routed: {} notification(s) queued", occurrence.type(), occurrence.eventId(), queued);
                    } else {
                        log.debug("{} {} routed: no notification", occurrence.type(), occurrence.eventId());
                    }
                })
                .then();
    }

    private NewDelivery newDelivery(Occurrence occurrence, Concern concern, Channel channel, String referralId) {
        // a client gets no API link: it has no account here; the GP and provider contact it
        String link = channel == Channel.CLIENT_EMAIL ? null : links.to(concern.subject());
        return new NewDelivery(UUID.randomUUID(), occurrence.eventId(), occurrence.type(), occurrence.occurredAt(),
                occurrence.region(), concern.recipient().key(), channel, concern.notice(), concern.subject(), link,
                referralId, clock.instant());
    }
}
