package nl.transfertafel.notification.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.UUID;
import nl.transfertafel.notification.access.web.Callers;
import nl.transfertafel.notification.access.web.RecipientRules;
import nl.transfertafel.notification.access.web.SupporterAudit;
import nl.transfertafel.notification.delivery.application.Page;
import nl.transfertafel.notification.inbox.application.InboxItem;
import nl.transfertafel.notification.inbox.application.InboxService;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.subscription.application.SubscriptionService;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/inbox")
@Tag(name = "Inbox", description = """
        Thin in-app notifications: the caller's organisation's inbox, or for a coordinator the region's coordinator
        inbox. Read state is per user. The live stream is Server-Sent Events (send the bearer token in the
        Authorization header, e.g. with fetch(); the browser's EventSource cannot).""")
@PreAuthorize("hasAnyRole('GP','PROVIDER','COORDINATOR','INSURER','CLIENT_SUPPORT','ADMIN')")
public class InboxController {

    private final InboxService inbox;
    private final SubscriptionService subscriptions;
    private final Duration heartbeat;
    private final SupporterAudit audit;

    public InboxController(InboxService inbox, SubscriptionService subscriptions,
            @Value("${transfertafel.notification.inbox.heartbeat:15s}") Duration heartbeat, SupporterAudit audit) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.heartbeat = heartbeat;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Notifications, newest first, with this user's read time")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Page<InboxItem>> list(Actor actor,
            @Parameter(description = "ADMIN only: another organisation code or coordinators:<region>")
            @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Mono.defer(() -> {
            Recipient recipient = recipient(actor, organisation);
            return audit.audited(actor, "inbox.list", inbox.page(recipient, actor.userId(), unread, page, size));
        });
    }

    @PostMapping("/{notificationId}/read")
    @Operation(summary = "Mark a notification read for the calling user")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED},
            notFound = "notification in your inbox")
    public Mono<InboxItem> markRead(Actor actor, @PathVariable UUID notificationId,
            @RequestParam(required = false) String organisation) {
        return Mono.defer(() -> {
            Recipient recipient = recipient(actor, organisation);
            return audit.audited(actor, "inbox.mark-read", inbox.markRead(recipient, actor.userId(), notificationId));
        });
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live stream of new notifications (Server-Sent Events; event name = event type, id = notification id)")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Flux<ServerSentEvent<InboxItem>> stream(Actor actor, @RequestParam(required = false) String organisation) {
        return Flux.defer(() -> {
                    Recipient recipient = recipient(actor, organisation);
                    Flux<ServerSentEvent<InboxItem>> live = inbox.live(recipient)
                            .map(item -> ServerSentEvent.builder(item).id(item.id().toString()).event(item.eventType()).build());
                    Flux<ServerSentEvent<InboxItem>> beats = Flux.interval(heartbeat)
                            .map(n -> ServerSentEvent.<InboxItem>builder().comment("heartbeat").build());
                    // the first comment flushes the response headers, so the client knows it is subscribed
                    if (recipient.kind() == Recipient.Kind.CLIENT_SUPPORT) {
                        // the live stream cannot apply the supporter's per-client filter: supporters use the list
                        throw nl.transfertafel.platform.refusal.Refused.forbidden("list-only",
                                "a client supporter reads its notifications from the list, not the live stream");
                    }
                    return Flux.merge(live, beats)
                            .startWith(ServerSentEvent.<InboxItem>builder().comment("subscribed " + recipient.key()).build());
                });
    }

    private Recipient recipient(Actor actor, String organisation) {
        return subscriptions.resolve(Callers.of(actor), organisation);
    }
}
