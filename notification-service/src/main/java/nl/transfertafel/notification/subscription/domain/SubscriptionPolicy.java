package nl.transfertafel.notification.subscription.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.notification.access.domain.Verdict;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.RoutingPolicy;

/**
 * Which channels carry an event type to a recipient. Defaults: everything that concerns an
 * organisation (or a region's coordinators) lands in its inbox; webhook and e-mail only where the
 * organisation subscribed. An explicit subscription row overrides the default either way. A
 * client is told by e-mail on the events that concern it, through the contact channel the GP
 * registered (no subscription of its own).
 */
public final class SubscriptionPolicy {

    public boolean byDefault(Channel channel) {
        return channel == Channel.INBOX;
    }

    /** @param choices the recipient's explicit choices for this event type, per channel */
    public Set<Channel> channels(Recipient recipient, String eventType, Map<Channel, Boolean> choices) {
        if (recipient.kind() == Recipient.Kind.CLIENT) {
            return RoutingPolicy.eventTypesFor(Recipient.Kind.CLIENT).contains(eventType)
                    ? EnumSet.of(Channel.CLIENT_EMAIL) : EnumSet.noneOf(Channel.class);
        }
        if (!RoutingPolicy.eventTypesFor(recipient.kind()).contains(eventType)) {
            return EnumSet.noneOf(Channel.class);
        }
        Set<Channel> on = EnumSet.noneOf(Channel.class);
        for (Channel channel : Channel.SUBSCRIBABLE) {
            if (choices.getOrDefault(channel, byDefault(channel))) {
                on.add(channel);
            }
        }
        return on;
    }

    /** Whether a recipient may subscribe these channels to this event type. */
    public Verdict maySubscribe(Recipient recipient, String eventType, Collection<Channel> channels) {
        if (recipient.kind() == Recipient.Kind.CLIENT) {
            return Verdict.reject("client-not-managed", "a client's notifications are not subscriptions");
        }
        if (!RoutingPolicy.eventTypesFor(recipient.kind()).contains(eventType)) {
            // the submitted value is not repeated: a problem names the field and the rule, never echoes input
            return Verdict.reject("event-type-not-routed",
                    "the event type is not one that concerns " + (recipient.kind() == Recipient.Kind.REGION_COORDINATORS
                            ? "a region's coordinators" : "an organisation") + "; one of "
                            + RoutingPolicy.eventTypesFor(recipient.kind()));
        }
        for (Channel channel : channels) {
            if (!Channel.SUBSCRIBABLE.contains(channel)) {
                return Verdict.reject("channel-not-subscribable", channel + " is not a channel an organisation subscribes to");
            }
        }
        return Verdict.ALLOWED;
    }
}
