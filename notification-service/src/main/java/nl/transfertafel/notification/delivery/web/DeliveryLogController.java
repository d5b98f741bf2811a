package nl.transfertafel.notification.delivery.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import nl.transfertafel.notification.access.web.Callers;
import nl.transfertafel.notification.access.web.RecipientRules;
import nl.transfertafel.notification.access.web.SupporterAudit;
import nl.transfertafel.notification.delivery.application.DeliveryLogService;
import nl.transfertafel.notification.delivery.application.Page;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.delivery.infrastructure.DeliveryRepository.LogEntry;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.subscription.application.SubscriptionService;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Delivery log and dead letters", description = """
        Every notification is one delivery (per event, recipient and channel): its status (PENDING, DELIVERED,
        SKIPPED, DEAD), attempts, last error and times. An organisation reads its own log; an ADMIN reads any and
        lists and replays dead letters (deliveries that failed after the last retry).""")
public class DeliveryLogController {

    private final DeliveryLogService log;
    private final SubscriptionService subscriptions;

    private final SupporterAudit audit;

    public DeliveryLogController(DeliveryLogService log, SubscriptionService subscriptions, SupporterAudit audit) {
        this.log = log;
        this.subscriptions = subscriptions;
        this.audit = audit;
    }

    @GetMapping("/deliveries")
    @PreAuthorize("hasAnyRole('GP','PROVIDER','COORDINATOR','INSURER','CLIENT_SUPPORT','ADMIN')")
    @Operation(summary = "The caller's organisation's delivery log, newest first (ADMIN: any organisation)")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT,
            forbidden = {RecipientRules.NO_MAILBOX, RecipientRules.OWN_ORGANISATION_ONLY, RecipientRules.CLIENT_NOT_MANAGED})
    public Mono<Page<LogEntry>> deliveries(Actor actor,
            @Parameter(description = "ADMIN only: another organisation code or coordinators:<region>")
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) DeliveryStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Mono.defer(() -> audit.audited(actor, "deliveries.list",
                log.page(subscriptions.resolveForReading(Callers.of(actor), organisation), status, page, size)));
    }

    @GetMapping("/dead-letters")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Dead letters, newest first, of every organisation or of one")
    @ProblemResponses(invalid = RecipientRules.RECIPIENT)
    public Mono<Page<LogEntry>> deadLetters(Actor actor, @RequestParam(required = false) String organisation,
            @RequestParam(defaultValue = "0") @Min(0) @Max(Page.MAX_PAGE) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return Mono.defer(() -> {
                    Recipient recipient = organisation == null || organisation.isBlank() ? null
                            : subscriptions.resolveForReading(Callers.of(actor), organisation);
                    return log.page(recipient, DeliveryStatus.DEAD, page, size);
                });
    }

    @PostMapping("/dead-letters/{deliveryId}/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Put a dead letter back in its lane; it is sent again with the same delivery id")
    @ProblemResponses(invalid = "unknown-parameter: a query parameter this operation does not take",
            notFound = "delivery", conflict = "not-dead-lettered: the delivery is not dead-lettered")
    public Mono<LogEntry> replay(@PathVariable UUID deliveryId, ServerHttpRequest request) {
        return Mono.defer(() -> {
            ReplayParameters.onlyThese(request.getQueryParams());
            return log.replay(deliveryId);
        });
    }

    public record Replayed(String organisation, long replayed) {
    }

    @PostMapping("/dead-letters/replay")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replay every dead letter of one organisation (after its receiver was fixed)")
    @ProblemResponses(invalid = {RecipientRules.RECIPIENT, "NotBlank: organisation left out or empty",
            "single-value: organisation given more than once",
            "unknown-parameter: a query parameter this operation does not take"},
            forbidden = RecipientRules.CLIENT_NOT_MANAGED)
    public Mono<Replayed> replayAll(Actor actor, ServerHttpRequest request) {
        return Mono.defer(() -> {
                    // read by hand, not by @RequestParam: an empty value must not fall back to the caller's own
                    // organisation, and a second value or an unknown parameter is refused, not ignored
                    String organisation = ReplayParameters.organisation(request.getQueryParams());
                    Recipient recipient = subscriptions.resolve(Callers.of(actor), organisation);
                    return log.replayAll(recipient).map(n -> new Replayed(recipient.key(), n));
                });
    }
}
