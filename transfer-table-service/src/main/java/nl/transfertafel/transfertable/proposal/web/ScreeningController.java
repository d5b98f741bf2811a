package nl.transfertafel.transfertable.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.transfer.ProposalScreened;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.web.ProblemResponses;
import nl.transfertafel.transfertable.common.application.ActorClaims;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.common.web.ProblemRules;
import nl.transfertafel.transfertable.proposal.application.MatchingRounds;
import nl.transfertafel.transfertable.proposal.application.ScreeningService;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.QueueEvents;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.FourEyesPolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The coordinators' side: the region's screening queue (ordered by priority, live as SSE), the
 * proposal detail with its explanation and four-eyes state, approve / reject, manual proposals and
 * a matching round on demand. Screening decisions are open to every authenticated user on purpose:
 * the four-eyes policy, not a role filter, decides, and its reason is the answer.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Screening", description = "Four-eyes screening of proposals by the region's coordinators")
public class ScreeningController {

    private final ProposalRepository proposals;
    private final ReadModelRepository readModel;
    private final ScreeningService screening;
    private final MatchingRounds matching;
    private final QueueEvents queueEvents;
    private final FourEyesPolicy fourEyes;
    private final AuditLog audit;
    private final TransferTableSettings settings;
    private final Clock clock;

    public ScreeningController(ProposalRepository proposals, ReadModelRepository readModel, ScreeningService screening,
            MatchingRounds matching, QueueEvents queueEvents, FourEyesPolicy fourEyes, AuditLog audit,
            TransferTableSettings settings, Clock clock) {
        this.proposals = proposals;
        this.readModel = readModel;
        this.screening = screening;
        this.matching = matching;
        this.queueEvents = queueEvents;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/screening/queue")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "The region's screening queue, highest priority first",
            description = "Role COORDINATOR; region from the token. Proposals waiting for their first or second"
                    + " approval, ordered urgent first, then furthest past the Treeknorm deadline, then longest"
                    + " waited. Anonymous: pseudonym, age band, group, level, urgency, days waited vs the norm.")
    public Mono<List<ProposalViews.QueueItem>> queue(Actor coordinator) {
        String region = ActorClaims.region(coordinator);
        return readModel.lines(region).flatMap(lines -> {
            Map<String, CapacityLine> byId = lines.stream().collect(Collectors.toMap(CapacityLine::capacityLineId,
                    Function.identity()));
            // the proposals, then their clients in one statement (issue 10: not one query per item)
            return proposals.awaitingScreening(region).collectList()
                    .flatMap(found -> readModel.clients(found.stream().map(Proposal::referralId).toList())
                            .map(clients -> found.stream().map(p -> item(p, clients.get(p.referralId()), byId))
                                    .toList()));
        }).map(items -> items.stream().sorted(Comparator
                        .comparing((ProposalViews.QueueItem i) -> !i.client().urgent())
                        .thenComparing(i -> -i.client().daysPastNorm())
                        .thenComparing(i -> -i.client().daysWaited())
                        .thenComparing(ProposalViews.QueueItem::createdAt))
                .toList())
                .flatMap(items -> audit.record(coordinator, null, "screening-queue.read:" + region + ":" + items.size(),
                        "four-eyes screening").thenReturn(items));
    }

    private ProposalViews.QueueItem item(Proposal p, nl.transfertafel.transfertable.readmodel.domain.WaitingClient c,
            Map<String, CapacityLine> lines) {
        boolean overdue = !p.createdAt().plus(settings.screeningOverdueAfter()).isAfter(clock.instant());
        return ProposalViews.queueItem(p, c, lines.get(p.capacityLineId()), fourEyes, clock, overdue);
    }

    @GetMapping(path = "/screening/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Live changes of the region's queues (Server-Sent Events)",
            description = "Role COORDINATOR. Event 'subscribed' first, then one 'queue-changed' event per transfer"
                    + " event of the region (data: region, eventType, proposalId, aggregateId, occurredAt), and a"
                    + " comment line every 15 s to keep the connection open. Reload the queue on each event.")
    public Flux<ServerSentEvent<QueueEvents.QueueChange>> stream(Actor coordinator) {
        Flux<ServerSentEvent<QueueEvents.QueueChange>> changes = queueEvents.region(ActorClaims.region(coordinator))
                .map(change -> ServerSentEvent.builder(change).event("queue-changed").build());
        Flux<ServerSentEvent<QueueEvents.QueueChange>> keepAlive = Flux.interval(Duration.ofSeconds(15))
                .map(i -> ServerSentEvent.<QueueEvents.QueueChange>builder().comment("keep-alive").build());
        return Flux.concat(Flux.just(ServerSentEvent.<QueueEvents.QueueChange>builder().event("subscribed")
                        .comment("region " + coordinator.region()).build()),
                Flux.merge(changes, keepAlive));
    }

    @GetMapping("/proposals/{proposalId}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "A proposal with its explanation and four-eyes state",
            description = "Role COORDINATOR of the proposal's region (404 otherwise). Explanation: score components,"
                    + " runner-up options with the points the region would lose, blocked alternatives with reasons."
                    + " Four eyes: who approved for which organisation, and what is still needed.")
    @ProblemResponses(notFound = "proposal in your region")
    public Mono<ProposalViews.Detail> detail(Actor coordinator, @PathVariable String proposalId) {
        return proposals.find(proposalId)
                .filter(p -> coordinator.worksIn(p.region()))
                .switchIfEmpty(Mono.error(Refused.notFound("the proposal")))
                .flatMap(p -> Mono.zip(readModel.client(p.referralId()).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()),
                                readModel.line(p.capacityLineId()).map(java.util.Optional::of)
                                        .defaultIfEmpty(java.util.Optional.empty()))
                        .map(t -> ProposalViews.detail(p, t.getT1().orElse(null), t.getT2().orElse(null), fourEyes, clock))
                        .flatMap(view -> audit.record(coordinator, p.clientPseudonym(), "proposal.read:" + proposalId,
                                "four-eyes screening").thenReturn(view)));
    }

    public record Decision(String proposalId, String state, String reason, ProposalViews.FourEyes fourEyes) {
    }

    @PostMapping("/proposals/{proposalId}/approve")
    @Operation(summary = "Approve a proposal (four-eyes)",
            description = "Any signed-in user may try; the four-eyes policy decides. 200 with the state and the"
                    + " policy's reason; on the second approval the place is reserved at once (state OFFERED, or"
                    + " LAPSED when the place was gone). 403 problem with rule not-a-coordinator, other-region,"
                    + " organisation-missing, own-proposal, already-approved, four-eyes-organisation or"
                    + " four-eyes-receiving-organisation and the reason as detail; 409 illegal-transition. Two"
                    + " coordinators deciding at the same moment are both decided (retried inside, up to 5 times).")
    @ProblemResponses(forbidden = {ProblemRules.NOT_A_COORDINATOR, ProblemRules.ORGANISATION_MISSING,
                    ProblemRules.OTHER_REGION, ProblemRules.OWN_PROPOSAL, ProblemRules.ALREADY_APPROVED,
                    ProblemRules.FOUR_EYES_ORGANISATION, ProblemRules.FOUR_EYES_RECEIVING_ORGANISATION},
            notFound = "proposal", conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<Decision> approve(Actor actor, @PathVariable String proposalId) {
        return screening.approve(actor, proposalId).map(this::decision);
    }

    public record RejectBody(@NotNull ProposalScreened.RejectionReason reason) {
    }

    @PostMapping("/proposals/{proposalId}/reject")
    @Operation(summary = "Reject a proposal with a coded reason, or confirm a pending rejection (four eyes)",
            description = "A rejection needs four eyes like an approval: the first coordinator's rejection is"
                    + " pending (200, state unchanged, fourEyes.pendingRejection set) and the proposal stays in"
                    + " screening; a second, distinct coordinator's rejection confirms it under the same organisation"
                    + " rule (state REJECTED, with the first coordinator's reason). An approval instead withdraws the"
                    + " pending rejection. The reason is coded: case discussion stays anonymous, so no free text."
                    + " 400 without a reason.")
    @ProblemResponses(forbidden = {ProblemRules.NOT_A_COORDINATOR, ProblemRules.ORGANISATION_MISSING,
                    ProblemRules.OTHER_REGION, ProblemRules.ALREADY_APPROVED, ProblemRules.ALREADY_REJECTED,
                    ProblemRules.FOUR_EYES_ORGANISATION, ProblemRules.FOUR_EYES_RECEIVING_ORGANISATION},
            notFound = "proposal",
            conflict = {ProblemRules.ILLEGAL_TRANSITION, ProblemRules.CONCURRENT_UPDATE})
    public Mono<Decision> reject(Actor actor, @PathVariable String proposalId, @Valid @RequestBody RejectBody body) {
        return screening.reject(actor, proposalId, body.reason()).map(this::decision);
    }

    private Decision decision(ScreeningService.Screened screened) {
        return new Decision(screened.proposal().proposalId(), screened.proposal().state().name(), screened.reason(),
                ProposalViews.fourEyesOf(screened.proposal(), fourEyes));
    }

    /** Ids are bounded: both are UUIDs or short codes, so 100 characters is generous (issue 11 item 18). */
    public record ManualProposalBody(@NotBlank @Size(max = 100) String referralId,
            @NotBlank @Size(max = 100) String capacityLineId) {
    }

    @PostMapping("/proposals")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Propose a match by hand",
            description = "Role COORDINATOR of the client's region. The eligibility rules apply (409 not-eligible"
                    + " with every reason); 409 when the client already is in an open proposal. The proposer cannot"
                    + " approve it: two other coordinators must.")
    @ProblemResponses(notFound = "waiting client or capacity line in your region", conflict = {
            "not-eligible: the eligibility rules block this match (the detail lists every reason)",
            "already-in-proposal: the client is already in an open proposal or offer"})
    public Mono<ResponseEntity<ProposalViews.Detail>> propose(Actor coordinator,
            @Valid @RequestBody ManualProposalBody body) {
        return matching.proposeByHand(coordinator, body.referralId(), body.capacityLineId())
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class, e -> Refused.conflict(
                        "already-in-proposal", "The client is already in an open proposal or offer."))
                .flatMap(p -> readModel.line(p.capacityLineId()).map(java.util.Optional::of)
                        .defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(line -> readModel.client(p.referralId()).map(c -> ProposalViews.detail(p, c,
                                line.orElse(null), fourEyes, clock))))
                .map(view -> ResponseEntity.created(URI.create("/api/v1/proposals/" + view.proposalId())).body(view));
    }

    @PostMapping("/matching/rounds")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Run a matching round of the coordinator's region now",
            description = "Rounds also run by themselves (debounced after each relevant event, and on a schedule).")
    public Mono<MatchingRounds.RoundReport> round(Actor coordinator) {
        return matching.runRegion(ActorClaims.region(coordinator));
    }
}
