package nl.transfertafel.notification.subscription.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import nl.transfertafel.notification.access.web.Callers;
import nl.transfertafel.notification.access.web.RecipientRules;
import nl.transfertafel.notification.access.web.SupporterAudit;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.subscription.application.SubscriptionService.EventSubscription;
import nl.transfertafel.notification.subscription.application.SubscriptionService.Overview;
import nl.transfertafel.notification.subscription.application.SubscriptionService;
import nl.transfertafel.notification.subscription.domain.PayloadFormat;
import nl.transfertafel.notification.subscription.domain.SignatureScheme;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions", description = """
        Which event types reach an organisation (or a region's coordinator desk) on which channel: INBOX
        (default on for everything that concerns it), WEBHOOK and EMAIL (off until subscribed; register the
        webhook URL or mailbox first). Without `organisation` the caller's own: coordinators manage their
        region's desk, everyone else their organisation. Only an ADMIN names another organisation (or a desk as
        `coordinators:<region>`).""")
@PreAuthorize("hasAnyRole('GP','PROVIDER','COORDINATOR','INSURER','CLIENT_SUPPORT','ADMIN')")
public class SubscriptionController {

    public record SubscriptionRequest(@NotBlank @Size(max = 100) String eventType, @NotNull Set<Channel> channels) {
    }

    public record SubscriptionsRequest(@NotNull @Size(min = 1, max = 50) List<@Valid @NotNull SubscriptionRequest> subscriptions) {
    }

    public record WebhookRequest(@NotBlank @Size(max = 2000) String url, @NotBlank @Size(min = 16, max = 256) String secret,
            @Schema(description = "STANDARD_WEBHOOKS (default; secret whsec_<base64 of 24-64 bytes>) or, for existing "
                    + "subscribers for one release, TRANSFERTAFEL_V1 (X-Transfertafel-Signature t=..,v1=..)")
            SignatureScheme signatureScheme,
            @Schema(description = "TRANSFERTAFEL_JSON (default: the thin JSON body) or FHIR_SUBSCRIPTION_STATUS (the FHIR R4 "
                    + "subscription backport's id-only notification Bundle, application/fhir+json; set by the FHIR gateway)")
            PayloadFormat payloadFormat,
            @Schema(description = "With FHIR_SUBSCRIPTION_STATUS: the absolute URL of the FHIR Subscription the deliveries "
                    + "serve (<FHIR base>/Subscription/<id>)") @Size(max = 2000) String fhirSubscription,
            @Schema(description = "With FHIR_SUBSCRIPTION_STATUS: the canonical URL of its topic") @Size(max = 2000)
            String fhirTopic) {
    }

    public record MailboxRequest(@NotBlank @Size(max = 254) String address) {
    }

    private final SubscriptionService subscriptions;
    private final SupporterAudit audit;

    public SubscriptionController(SubscriptionService subscriptions, SupporterAudit audit) {
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The effective subscriptions and registered channels of an organisation")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Overview> get(Actor actor, @Parameter(description = "ADMIN only: another organisation code or coordinators:<region>")
            @RequestParam(required = false) String organisation) {
        return act(actor, organisation, "subscriptions.read", subscriptions::overview);
    }

    @PutMapping
    @Operation(summary = "Set the channels of the named event types (an empty channel list turns the event type off)")
    @ProblemResponses(invalid = {RecipientRules.RECIPIENT,
            "event-type-not-routed: an event type that never reaches this recipient",
            "channel-not-subscribable: a channel an organisation does not subscribe to"},
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED},
            conflict = {"webhook-not-registered: WEBHOOK before a webhook URL is registered",
                    "mailbox-not-registered: EMAIL before a mailbox is registered"})
    public Mono<Overview> put(Actor actor, @RequestParam(required = false) String organisation,
            @Valid @RequestBody SubscriptionsRequest request) {
        List<EventSubscription> wanted = request.subscriptions().stream()
                .map(s -> new EventSubscription(s.eventType(), s.channels().isEmpty()
                        ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(s.channels())))
                .toList();
        return act(actor, organisation, "subscriptions.change", recipient -> subscriptions.subscribe(recipient, wanted, actor.userId()));
    }

    @PutMapping("/webhook")
    @Operation(summary = "Register (or replace) the webhook URL, the shared HMAC secret and the signature scheme",
            description = "HTTPS to a public host only. Deliveries are POSTs signed per Standard Webhooks (or the "
                    + "earlier scheme for existing subscribers), as documented in docs/services/notification-service.md.")
    @ProblemResponses(invalid = {RecipientRules.RECIPIENT, "url: not a usable URL (no host, credentials or fragment)",
            "https-only: not https",
            "target-not-allowed: a private, loopback, link-local, unique-local, multicast or unspecified address, "
                    + "or a single-label or cluster-internal host name",
            "standard-webhooks-secret: not whsec_ and the base64 of 24 to 64 bytes",
            "secret: a TRANSFERTAFEL_V1 secret shorter than 16 characters",
            "fhir-subscription-url: FHIR_SUBSCRIPTION_STATUS without the absolute <FHIR base>/Subscription/<id> URL",
            "fhir-topic-url: a topic that is not an absolute URL",
            "fhir-names-need-fhir-payload: fhirSubscription or fhirTopic with the JSON payload"},
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Overview> putWebhook(Actor actor, @RequestParam(required = false) String organisation,
            @Valid @RequestBody WebhookRequest request) {
        return act(actor, organisation, "webhook.register",
                recipient -> subscriptions.registerWebhook(recipient, request.url(), request.secret(),
                        request.signatureScheme(), new SubscriptionService.WebhookPayload(request.payloadFormat(),
                                request.fhirSubscription(), request.fhirTopic()), actor.userId()));
    }

    @DeleteMapping("/webhook")
    @Operation(summary = "Remove the webhook (and its subscriptions)")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Overview> deleteWebhook(Actor actor, @RequestParam(required = false) String organisation) {
        return act(actor, organisation, "webhook.remove", recipient -> subscriptions.removeWebhook(recipient, actor.userId()));
    }

    @PutMapping("/mailbox")
    @Operation(summary = "Register (or replace) the organisation's functional mailbox")
    @ProblemResponses(invalid = {RecipientRules.RECIPIENT, "mailbox: not one e-mail address"},
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Overview> putMailbox(Actor actor, @RequestParam(required = false) String organisation,
            @Valid @RequestBody MailboxRequest request) {
        return act(actor, organisation, "mailbox.register",
                recipient -> subscriptions.registerMailbox(recipient, request.address(), actor.userId()));
    }

    @DeleteMapping("/mailbox")
    @Operation(summary = "Remove the mailbox (and its e-mail subscriptions)")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Overview> deleteMailbox(Actor actor, @RequestParam(required = false) String organisation) {
        return act(actor, organisation, "mailbox.remove", recipient -> subscriptions.removeMailbox(recipient, actor.userId()));
    }

    private Mono<Overview> act(Actor actor, String organisation, String what, Function<Recipient, Mono<Overview>> action) {
        return Mono.defer(() -> audit.audited(actor, what,
                action.apply(subscriptions.resolve(Callers.of(actor), organisation))));
    }
}
