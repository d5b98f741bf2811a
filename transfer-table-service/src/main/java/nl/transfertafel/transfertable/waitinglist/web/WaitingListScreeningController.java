package nl.transfertafel.transfertable.waitinglist.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.transfertable.common.application.ActorClaims;
import nl.transfertafel.transfertable.common.web.ProblemRules;
import nl.transfertafel.transfertable.screening.domain.Approval;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import nl.transfertafel.transfertable.waitinglist.application.WaitingListScreeningService;
import nl.transfertafel.transfertable.waitinglist.domain.WaitingListScreening;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Coordinators screen waiting lists: "transfer candidate" or "not suitable for transfer", four eyes. */
@RestController
@RequestMapping("/api/v1/waiting-list-screenings")
@Tag(name = "Waiting-list screening", description = "Marking waiting clients, confirmed by a second coordinator")
public class WaitingListScreeningController {

    private final WaitingListScreeningService service;
    private final WaitingListScreeningRepository screenings;
    private final FourEyesPolicy fourEyes;

    public WaitingListScreeningController(WaitingListScreeningService service,
            WaitingListScreeningRepository screenings, FourEyesPolicy fourEyes) {
        this.service = service;
        this.screenings = screenings;
        this.fourEyes = fourEyes;
    }

    public record ScreeningView(String screeningId, String referralId, String clientPseudonym,
            String currentProviderAgb, String verdict, String reason, String state, List<Approval> approvals,
            String stillNeeded, String dismissedBy, String dismissalReason, Instant createdAt, Instant decidedAt) {
    }

    public record DecisionView(ScreeningView screening, String decisionReason) {
    }

    @GetMapping
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Waiting-list screenings of the region", description = "Role COORDINATOR. ?open=true (default) for those"
            + " waiting for a second coordinator, ?open=false for all.")
    public Flux<ScreeningView> list(Actor coordinator, @RequestParam(defaultValue = "true") boolean open) {
        return screenings.inRegion(ActorClaims.region(coordinator), open).map(this::view);
    }

    /** Ids are bounded: a referral id is a UUID, so 100 characters is generous (issue 11 item 18). */
    public record MarkBody(@NotBlank @Size(max = 100) String referralId, @NotNull WaitingListScreening.Verdict verdict,
            @NotNull WaitingListScreening.Reason reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mark a waiting client (first of two screenings)",
            description = "The four-eyes policy decides (coordinators of the client's region; 403 with its reason"
                    + " otherwise). Takes effect when a second coordinator confirms it. 409 screening-open when the"
                    + " client already has an open screening; no-screening-consent when the client did not consent to"
                    + " screening; placement-unknown while the client's waiting entry has not arrived.")
    @ProblemResponses(forbidden = {ProblemRules.NOT_A_COORDINATOR, ProblemRules.OTHER_REGION}, notFound = "waiting client",
            conflict = {"screening-open: the client already has an open waiting-list screening",
                    "no-screening-consent: the client did not consent to screening by the transfer table",
                    "placement-unknown: the client's waiting entry has not arrived yet"})
    public Mono<DecisionView> mark(Actor actor, @Valid @RequestBody MarkBody body) {
        return service.mark(actor, body.referralId(), body.verdict(), body.reason())
                .map(d -> new DecisionView(view(d.screening()), d.reason()));
    }

    @PostMapping("/{screeningId}/confirm")
    @Operation(summary = "Confirm a marking (second screening)",
            description = "Four-eyes policy: another coordinator than the first; if the first belongs to the"
                    + " client's current provider, the second must not.")
    @ProblemResponses(forbidden = {ProblemRules.NOT_A_COORDINATOR, ProblemRules.OTHER_REGION, ProblemRules.ALREADY_APPROVED,
                    ProblemRules.FOUR_EYES_ORGANISATION},
            notFound = "waiting-list screening", conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<DecisionView> confirm(Actor actor, @PathVariable String screeningId) {
        return service.confirm(actor, screeningId).map(d -> new DecisionView(view(d.screening()), d.reason()));
    }

    public record DismissBody(@NotNull WaitingListScreening.Reason reason) {
    }

    @PostMapping("/{screeningId}/dismiss")
    @Operation(summary = "Dismiss a marking with a coded reason")
    @ProblemResponses(forbidden = {ProblemRules.NOT_A_COORDINATOR, ProblemRules.OTHER_REGION}, notFound = "waiting-list screening",
            conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<DecisionView> dismiss(Actor actor, @PathVariable String screeningId,
            @Valid @RequestBody DismissBody body) {
        return service.dismiss(actor, screeningId, body.reason())
                .map(d -> new DecisionView(view(d.screening()), d.reason()));
    }

    private ScreeningView view(WaitingListScreening s) {
        return new ScreeningView(s.screeningId(), s.referralId(), s.clientPseudonym(), s.currentProviderAgb(),
                s.verdict().name(), s.reason().name(), s.state().name(), s.approvals(),
                s.state() == WaitingListScreening.State.OPEN ? fourEyes.stillNeeded(s.subject())
                        : "Nothing: the screening is " + s.state() + ".",
                s.dismissedBy(), s.dismissalReason() == null ? null : s.dismissalReason().name(), s.createdAt(),
                s.decidedAt());
    }
}
