package nl.transfertafel.transfertable.escalation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.transfertable.common.web.ProblemRules;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.escalation.domain.Escalation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Escalation cases: per region for coordinators, per insurer for the insurer's own clients. */
@RestController
@RequestMapping("/api/v1/escalations")
@Tag(name = "Escalations", description = "Clients who could not be placed in the region in time")
public class EscalationController {

    private final EscalationService escalations;
    private final AuditLog audit;

    public EscalationController(EscalationService escalations, AuditLog audit) {
        this.escalations = escalations;
        this.audit = audit;
    }

    public record WithHistory(Escalation escalation, List<Escalation.HistoryEntry> history) {
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER')")
    @Operation(summary = "Escalation cases I may see",
            description = "COORDINATOR: the cases of the region. INSURER: the cases of its own insured clients"
                    + " (all regions). ?state=OPEN or RESOLVED to filter.")
    public Flux<Escalation> list(Actor actor, @RequestParam(required = false) Escalation.State state) {
        return escalations.listFor(actor, state).collectList()
                .flatMapMany(list -> audit.record(actor, null, "escalations.read:" + list.size(), "escalation handling")
                        .thenMany(Flux.fromIterable(list)));
    }

    @GetMapping("/{escalationId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER')")
    @Operation(summary = "One escalation case with its history")
    @ProblemResponses(notFound = "escalation")
    public Mono<WithHistory> one(Actor actor, @PathVariable String escalationId) {
        return escalations.find(actor, escalationId)
                .flatMap(e -> escalations.history(escalationId).collectList().map(h -> new WithHistory(e, h))
                        .flatMap(view -> audit.record(actor, e.clientPseudonym(), "escalation.read:" + escalationId,
                                "escalation handling").thenReturn(view)));
    }

    public record RouteBody(@NotNull EscalationOpened.Route route) {
    }

    @PostMapping("/{escalationId}/route")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Hand the case to the other route (insurer mediation / escalation authority)")
    @ProblemResponses(notFound = "escalation", conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<Escalation> route(Actor coordinator, @PathVariable String escalationId,
            @Valid @RequestBody RouteBody body) {
        return escalations.reroute(coordinator, escalationId, body.route());
    }

    public record ResolveBody(@NotNull EscalationResolved.Resolution resolution) {
    }

    @PostMapping("/{escalationId}/resolve")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'INSURER')")
    @Operation(summary = "Record how the case was resolved (EscalationResolved)",
            description = "A coordinator of the region or the client's insurer. 409 when already resolved.")
    @ProblemResponses(notFound = "escalation", conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<Escalation> resolve(Actor actor, @PathVariable String escalationId,
            @Valid @RequestBody ResolveBody body) {
        return escalations.resolve(actor, escalationId, body.resolution());
    }
}
