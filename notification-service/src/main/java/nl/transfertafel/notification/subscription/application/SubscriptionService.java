package nl.transfertafel.notification.subscription.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.notification.access.domain.Caller;
import nl.transfertafel.notification.access.domain.RecipientAccess;
import nl.transfertafel.notification.access.domain.Verdict;
import nl.transfertafel.notification.routing.application.ChannelChoices;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.RoutingPolicy;
import nl.transfertafel.notification.subscription.domain.MailboxPolicy;
import nl.transfertafel.notification.subscription.domain.PayloadFormat;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.notification.subscription.domain.SubscriptionPolicy;
import nl.transfertafel.notification.subscription.domain.WebhookEndpoint;
import nl.transfertafel.notification.subscription.domain.WebhookUrlPolicy;
import nl.transfertafel.notification.subscription.infrastructure.SubscriptionRepository;
import nl.transfertafel.platform.refusal.Refused;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Manages who hears what on which channel, per organisation or coordinator desk. */
public class SubscriptionService implements ChannelChoices {

    /** The effective subscriptions of one recipient, and which channels it has set up. */
    public record Overview(String recipient, List<EventSubscription> subscriptions, boolean webhookRegistered,
            String webhookUrl, SignatureScheme webhookSignatureScheme, PayloadFormat webhookPayloadFormat,
            String webhookFhirSubscription, boolean mailboxRegistered, String mailbox) {
    }

    /** What a webhook's deliveries carry: the format and, for FHIR, the Subscription and topic they serve. */
    public record WebhookPayload(PayloadFormat format, String fhirSubscription, String fhirTopic) {
        public static final WebhookPayload JSON = new WebhookPayload(PayloadFormat.TRANSFERTAFEL_JSON, null, null);
    }

    public record EventSubscription(String eventType, Set<Channel> channels) {
    }

    private final SubscriptionRepository repository;
    private final SubscriptionPolicy policy;
    private final RecipientAccess access;
    private final WebhookUrlPolicy webhookUrls;
    private final MailboxPolicy mailboxes;
    private final TransactionalOperator tx;

    public SubscriptionService(SubscriptionRepository repository, SubscriptionPolicy policy, RecipientAccess access,
            WebhookUrlPolicy webhookUrls, MailboxPolicy mailboxes, TransactionalOperator tx) {
        this.repository = repository;
        this.policy = policy;
        this.access = access;
        this.webhookUrls = webhookUrls;
        this.mailboxes = mailboxes;
        this.tx = tx;
    }

    /** The recipient a request is about: the named one (administrators), else the caller's own. */
    public Recipient resolve(Caller caller, String named) {
        return resolve(caller, named, false);
    }

    /** As {@link #resolve(Caller, String)}, for reading a delivery log (administrators may read a client's). */
    public Recipient resolveForReading(Caller caller, String named) {
        return resolve(caller, named, true);
    }

    private Recipient resolve(Caller caller, String named, boolean reading) {
        Recipient recipient;
        if (named == null || named.isBlank()) {
            recipient = access.own(caller).orElseThrow(() -> Refused.forbidden("no-mailbox",
                    "this caller has no organisation or region to receive notifications for"));
        } else {
            try {
                recipient = Recipient.parse(named.trim());
            } catch (IllegalArgumentException e) {
                throw Refused.invalid("organisation", "recipient", e.getMessage());
            }
        }
        Verdict verdict = reading ? access.mayRead(caller, recipient) : access.mayManage(caller, recipient);
        if (verdict instanceof Verdict.Rejected rejected) {
            throw Refused.forbidden(rejected.rule(), rejected.reason());
        }
        return recipient;
    }

    public Mono<Overview> overview(Recipient recipient) {
        return Mono.zip(repository.choices(recipient.key()),
                        repository.webhook(recipient.key()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        repository.mailbox(recipient.key()).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .map(t -> {
                    List<EventSubscription> subscriptions = new ArrayList<>();
                    for (String type : RoutingPolicy.orderedEventTypesFor(recipient.kind())) {
                        Map<Channel, Boolean> choices = t.getT1().getOrDefault(type, Map.of());
                        subscriptions.add(new EventSubscription(type, policy.channels(recipient, type, choices)));
                    }
                    return new Overview(recipient.key(), subscriptions, t.getT2().isPresent(),
                            t.getT2().map(WebhookEndpoint::url).orElse(null),
                            t.getT2().map(WebhookEndpoint::scheme).orElse(null),
                            t.getT2().map(WebhookEndpoint::payload).orElse(null),
                            t.getT2().map(WebhookEndpoint::fhirSubscription).orElse(null),
                            t.getT3().isPresent(), t.getT3().orElse(null));
                });
    }

    /** Sets the channels of the named event types (the others keep theirs). */
    public Mono<Overview> subscribe(Recipient recipient, List<EventSubscription> wanted, String by) {
        for (int i = 0; i < wanted.size(); i++) {
            EventSubscription subscription = wanted.get(i);
            Verdict verdict = policy.maySubscribe(recipient, subscription.eventType(), subscription.channels());
            if (verdict instanceof Verdict.Rejected rejected) {
                // name the element and its field, as bean validation does (subscriptions[0].eventType)
                throw invalid("subscriptions[" + i + "]." + ("channel-not-subscribable".equals(rejected.rule())
                        ? "channels" : "eventType"), rejected);
            }
        }
        Set<Channel> used = EnumSet.noneOf(Channel.class);
        wanted.forEach(subscription -> used.addAll(subscription.channels()));
        Mono<Void> webhookReady = !used.contains(Channel.WEBHOOK) ? Mono.empty()
                : repository.webhook(recipient.key()).switchIfEmpty(Mono.error(Refused.conflict("webhook-not-registered",
                        "register a webhook URL before subscribing to webhooks"))).then();
        Mono<Void> mailboxReady = !used.contains(Channel.EMAIL) ? Mono.empty()
                : repository.mailbox(recipient.key()).switchIfEmpty(Mono.error(Refused.conflict("mailbox-not-registered",
                        "register a mailbox before subscribing to e-mail"))).then();
        Mono<Void> save = Flux.fromIterable(wanted)
                .concatMap(subscription -> Flux.fromIterable(Channel.SUBSCRIBABLE)
                        .concatMap(channel -> repository.choose(recipient.key(), subscription.eventType(), channel,
                                subscription.channels().contains(channel), by)))
                .then();
        return tx.transactional(webhookReady.then(mailboxReady).then(save)).then(overview(recipient));
    }

    /**
     * @param scheme  how deliveries are signed; null = {@link SignatureScheme#STANDARD_WEBHOOKS}
     * @param payload what they carry; null = the pipeline's JSON body
     */
    public Mono<Overview> registerWebhook(Recipient recipient, String url, String secret, SignatureScheme scheme,
            WebhookPayload payload, String by) {
        SignatureScheme signing = scheme == null ? SignatureScheme.STANDARD_WEBHOOKS : scheme;
        WebhookPayload carried = payload == null || payload.format() == null
                ? new WebhookPayload(PayloadFormat.TRANSFERTAFEL_JSON, payload == null ? null : payload.fhirSubscription(),
                        payload == null ? null : payload.fhirTopic())
                : payload;
        if (webhookUrls.check(url) instanceof Verdict.Rejected rejected) {
            throw invalid("url", rejected);
        }
        if (signing.checkSecret(secret) instanceof Verdict.Rejected rejected) {
            throw invalid("secret", rejected);
        }
        if (carried.format().checkFhirNames(carried.fhirSubscription(), carried.fhirTopic()) instanceof Verdict.Rejected rejected) {
            throw invalid(rejected.rule().equals("fhir-topic-url") ? "fhirTopic" : "fhirSubscription", rejected);
        }
        return repository.saveWebhook(recipient.key(), url, secret, signing, carried.format(), carried.fhirSubscription(),
                carried.fhirTopic(), by).then(overview(recipient));
    }

    public Mono<Overview> registerMailbox(Recipient recipient, String address, String by) {
        if (mailboxes.check(address) instanceof Verdict.Rejected rejected) {
            throw invalid("address", rejected);
        }
        return repository.saveMailbox(recipient.key(), address, by).then(overview(recipient));
    }

    /** Removing a channel also ends its subscriptions (nothing would be sent anyway). */
    public Mono<Overview> removeWebhook(Recipient recipient, String by) {
        return tx.transactional(repository.deleteWebhook(recipient.key())
                        .then(unsubscribeAll(recipient, Channel.WEBHOOK, by)))
                .then(overview(recipient));
    }

    public Mono<Overview> removeMailbox(Recipient recipient, String by) {
        return tx.transactional(repository.deleteMailbox(recipient.key())
                        .then(unsubscribeAll(recipient, Channel.EMAIL, by)))
                .then(overview(recipient));
    }

    private Mono<Void> unsubscribeAll(Recipient recipient, Channel channel, String by) {
        return Flux.fromIterable(RoutingPolicy.orderedEventTypesFor(recipient.kind()))
                .concatMap(type -> repository.choose(recipient.key(), type, channel, false, by))
                .then();
    }

    /** The channels an event type reaches a recipient on (used by the router). */
    @Override
    public Mono<Set<Channel>> channels(Recipient recipient, String eventType) {
        if (recipient.kind() == Recipient.Kind.CLIENT) {
            return Mono.just(policy.channels(recipient, eventType, Map.of()));
        }
        return repository.choices(recipient.key(), eventType)
                .map(choices -> policy.channels(recipient, eventType, choices));
    }

    /** A policy's rejection of the input in {@code field}, as the platform's refusal. */
    private static Refused invalid(String field, Verdict.Rejected rejected) {
        return Refused.invalid(field, rejected.rule(), rejected.reason());
    }
}
