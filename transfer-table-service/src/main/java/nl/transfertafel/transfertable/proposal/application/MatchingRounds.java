package nl.transfertafel.transfertable.proposal.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.TransferBlocked;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.Explanation;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.matching.domain.PolicyResult.Blocked;
import nl.transfertafel.transfertable.matching.domain.ScoreComponents;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs matching rounds and turns them into proposals. A round takes the region's advisory lock, reads the
 * region through matching's {@link RegionSnapshots}, lets the engine assign the whole region, and stores the
 * proposals, their events and any new contract blocks in one transaction, so two instances never propose the
 * same place twice. A coordinator's proposal by hand goes through the same lock, snapshot and rules.
 *
 * <p>Lives in {@code proposal}: making proposals is the proposal feature's business; matching (the rules, the
 * engine's round, the contract blocks) knows nothing of proposals (ADR 0720).
 */
public class MatchingRounds {

    private static final Logger log = LoggerFactory.getLogger(MatchingRounds.class);

    private final RegionSnapshots snapshots;
    private final ReadModelRepository readModel;
    private final ProposalRepository proposals;
    private final BlockRepository blocks;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MatchRound round;
    private final Eligibility eligibility;
    private final TransferTableSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public MatchingRounds(RegionSnapshots snapshots, ReadModelRepository readModel, ProposalRepository proposals,
            BlockRepository blocks, Outbox outbox, AuditLog audit, TransactionalOperator tx, MatchRound round,
            Eligibility eligibility, TransferTableSettings settings, Clock clock, MeterRegistry meters) {
        this.snapshots = snapshots;
        this.readModel = readModel;
        this.proposals = proposals;
        this.blocks = blocks;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.round = round;
        this.eligibility = eligibility;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * What a round did. {@code outOfRegionProposals}: of {@code proposals}, those the out-of-region pass made on
     * other regions' lines for closure members the region could not place (ADR 1430).
     */
    public record RoundReport(String region, int candidates, int linesWithArcs, int proposals, int newBlocks,
            long millis, int outOfRegionProposals) {

        RoundReport plus(RoundReport outOfRegion) {
            return new RoundReport(region, candidates, linesWithArcs, proposals + outOfRegion.proposals(),
                    newBlocks + outOfRegion.newBlocks(), millis + outOfRegion.millis(), outOfRegion.proposals());
        }
    }

    /**
     * One matching round for the region; the proposals are committed when this completes. Then, when a closure
     * member of the region is still without a place in it, the out-of-region pass (ADR 1430) in a transaction of
     * its own.
     */
    public Mono<RoundReport> runRegion(String region) {
        long started = System.nanoTime();
        return Mono.defer(() -> proposals.lockLinesShared()
                        .then(proposals.lockRegion(region))
                        .then(snapshot(region))
                        // the assignment is CPU work: not on the database driver's event loop
                        .publishOn(Schedulers.boundedElastic())
                        .flatMap(snapshot -> {
                            MatchRound.Result result = round.run(snapshot);
                            return persist(region, result, started)
                                    .flatMap(report -> proposals.markOutOfRegionEligible(region,
                                            closureMembersLeftUnplaced(snapshot, result), clock.instant())
                                            .thenReturn(report));
                        }))
                .as(tx::transactional)
                .flatMap(home -> outOfRegion(region).map(home::plus).defaultIfEmpty(home))
                .doOnNext(report -> {
                    if (report.proposals() > 0 || report.newBlocks() > 0) {
                        log.info("matching round region={} candidates={} lines={} proposals={} outOfRegion={}"
                                + " newBlocks={} ms={}", region, report.candidates(), report.linesWithArcs(),
                                report.proposals(), report.outOfRegionProposals(), report.newBlocks(), report.millis());
                    }
                    meters.timer("transfertafel.matching.rounds", "region", region)
                            .record(Duration.ofMillis(report.millis()));
                });
    }

    /**
     * The rule of ADR 1430: a closure member whom its region's round could consider (a candidate: waiting,
     * consenting, in no open proposal, not waiting for a preferred provider) but left without a place (no free
     * eligible place in the region) may from now on be placed on other regions' lines.
     */
    private List<String> closureMembersLeftUnplaced(MatchRound.Snapshot snapshot, MatchRound.Result result) {
        MatchingContext context = snapshot.context();
        java.util.Set<String> placed = result.drafts().stream().map(d -> d.client().referralId())
                .collect(Collectors.toSet());
        return snapshot.clients().stream()
                .filter(c -> context.inClosureCase(c) && !placed.contains(c.referralId())
                        && eligibility.isCandidate(c, context))
                .map(WaitingClient::referralId)
                .toList();
    }

    /**
     * The out-of-region pass: the region's eligible closure members against the open lines of every other
     * region, by the same rules and objective. It holds the lines' lock exclusively (rounds and manual proposals
     * hold it shared), so no other region's round proposes one of those places at the same time, and the places
     * its proposals hold count in every later round of the line's region. Four-eyes screening stays with the
     * client's region: the proposal is the region's.
     */
    Mono<RoundReport> outOfRegion(String region) {
        return proposals.anyOutOfRegionCandidate(region).filter(Boolean::booleanValue)
                .flatMap(any -> {
                    long started = System.nanoTime();
                    return Mono.defer(() -> proposals.lockLinesExclusive()
                                    .then(proposals.lockRegion(region))
                                    .then(snapshots.outOfRegionForRound(region, clock, settings))
                                    .publishOn(Schedulers.boundedElastic())
                                    .map(snapshot -> outOfRegion(round.run(snapshot)))
                                    .flatMap(result -> persist(region, result, started)))
                            .as(tx::transactional);
                });
    }

    /** The pass's drafts, each explained as out of region. */
    private static MatchRound.Result outOfRegion(MatchRound.Result result) {
        List<MatchRound.Draft> drafts = result.drafts().stream().map(d -> new MatchRound.Draft(d.client(), d.line(),
                d.distanceKm(), new Explanation("out of region (" + d.line().region() + "); "
                        + d.explanation().summary(), d.explanation().score(), d.explanation().runnerUps(),
                        d.explanation().blockedAlternatives(), "Out of region: the client's provider closes and no"
                                + " round of region " + d.client().region() + " found a free place there; this line"
                                + " is in region " + d.line().region() + ". Four-eyes screening by the coordinators"
                                + " of region " + d.client().region() + "."))).toList();
        return new MatchRound.Result(result.region(), drafts, result.contractBlocks(), result.candidates(),
                result.linesWithArcs(), result.arcs(), result.objective(), result.withinExactnessBound());
    }

    /** The region as the rules see it right now. */
    Mono<MatchRound.Snapshot> snapshot(String region) {
        return snapshots.forRound(region, clock, settings);
    }

    private Mono<RoundReport> persist(String region, MatchRound.Result result, long started) {
        List<Proposal> made = new ArrayList<>();
        Mono<Void> proposalsStored = Flux.fromIterable(result.drafts())
                .concatMap(draft -> {
                    Proposal.Changed proposed = Proposal.propose(newProposal(draft.client(), draft.line(),
                            TransferProposed.Origin.ENGINE, null, null, draft.explanation()), clock);
                    made.add(proposed.proposal());
                    return proposals.insert(proposed.proposal()).then(outbox.append(proposed.events()));
                })
                .then();
        List<NewEvent> blockEvents = new ArrayList<>();
        Mono<Void> blocksStored = Flux.fromIterable(result.contractBlocks())
                .concatMap(block -> blocks.record(region, block, clock.instant()).flatMap(isNew -> {
                    if (!isNew) {
                        return Mono.empty();
                    }
                    NewEvent event = new NewEvent(java.util.UUID.randomUUID(), clock.instant(), region,
                            block.client().referralId(), new TransferBlocked(block.client().referralId(),
                            block.client().clientPseudonym(), block.client().insurerUzovi(), block.line().providerAgb(),
                            block.line().capacityLineId(), block.client().currentProviderAgb(),
                            TransferBlocked.Reason.valueOf(block.reason().name())));
                    blockEvents.add(event);
                    return outbox.append(event);
                }))
                .then();
        return proposalsStored.then(blocksStored)
                .then(Mono.fromSupplier(() -> {
                    recordMetrics(region, made, blockEvents);
                    return new RoundReport(region, result.candidates(), result.linesWithArcs(), made.size(),
                            blockEvents.size(), (System.nanoTime() - started) / 1_000_000, 0);
                }));
    }

    /**
     * A coordinator proposes a match by hand. The same eligibility rules apply (a coordinator cannot
     * propose what the rules block, e.g. an uncontracted provider), except the refusal cool-down,
     * which only keeps the engine from repeating itself; the proposer may not approve it.
     */
    public Mono<Proposal> proposeByHand(Actor coordinator, String referralId, String capacityLineId) {
        return Mono.defer(() -> readModel.client(referralId)
                        .filter(client -> coordinator.worksIn(client.region()))
                        .switchIfEmpty(Mono.error(Refused.notFound("the waiting client of referralId")))
                        // as in matching (item 2): not before the client's current provider is known
                        .flatMap(client -> readModel.placementKnown(referralId).flatMap(known -> known
                                ? Mono.just(client)
                                : Mono.error(Refused.conflict("placement-unknown", "The client's waiting entry (their"
                                        + " current provider) has not reached the transfer table yet; try again"
                                        + " shortly."))))
                        .flatMap(client -> proposals.lockLinesShared().then(proposals.lockRegion(client.region()))
                                .then(snapshot(client.region()))
                                .flatMap(snapshot -> proposeByHand(coordinator, client, capacityLineId, snapshot))))
                .as(tx::transactional)
                .doOnNext(p -> recordMetrics(p.region(), List.of(p), List.of()));
    }

    private Mono<Proposal> proposeByHand(Actor coordinator, WaitingClient client, String capacityLineId,
            MatchRound.Snapshot snapshot) {
        MatchingContext context = snapshot.context();
        CapacityLine line = snapshot.lines().stream().filter(l -> l.capacityLineId().equals(capacityLineId))
                .findFirst().orElse(null);
        if (line == null) {
            return Mono.error(Refused.notFound("the capacity line of capacityLineId, in the client's region,"));
        }
        List<Blocked> reasons = new ArrayList<>(eligibility.clientBlocks(client, context));
        // the refusal cool-down stops the engine from proposing a refused pair again; a coordinator may
        // deliberately propose it again (e.g. the client's situation changed), under four eyes as always
        eligibility.pairBlocks(client, line, context).stream()
                .filter(b -> b.reason() != nl.transfertafel.transfertable.matching.domain.BlockReason.REFUSED_RECENTLY)
                .forEach(reasons::add);
        if (!reasons.isEmpty()) {
            return Mono.error(Refused.conflict("not-eligible", "This match is not allowed: "
                    + reasons.stream().map(Blocked::detail).collect(Collectors.joining("; ")) + "."));
        }
        int km = MatchingContext.distanceKm(client, line);
        ScoreComponents score = ScoreComponents.of(client, km, line.eHealth(), context.today(),
                context.inClosureCase(client));
        Explanation explanation = new Explanation(score.summary(), score, List.of(),
                round.blockedAlternatives(client, line, snapshot.lines(), context),
                "Proposed by hand by coordinator " + coordinator.userId() + " (" + coordinator.organisation()
                        + "); runner-up options are computed only for the engine's proposals.");
        Proposal.Changed proposed = Proposal.propose(newProposal(client, line, TransferProposed.Origin.MANUAL,
                coordinator.userId(), coordinator.organisation(), explanation), clock);
        return proposals.insert(proposed.proposal())
                .then(outbox.append(proposed.events()))
                .then(audit.record(coordinator, client.clientPseudonym(), "proposal.create-manual:"
                        + proposed.proposal().proposalId(), "transfer-table screening"))
                .thenReturn(proposed.proposal());
    }

    private Proposal.New newProposal(WaitingClient client, CapacityLine line, TransferProposed.Origin origin,
            String proposedBy, String proposedByOrganisation, Explanation explanation) {
        return new Proposal.New(client.region(), client.referralId(), client.clientPseudonym(), line.capacityLineId(),
                line.providerAgb(), client.currentProviderAgb(), client.referrerAgb(), client.insurerUzovi(), origin,
                proposedBy, proposedByOrganisation, client.diagnosisGroup(), client.urgency(), explanation,
                line.placesFreedAt());
    }

    private void recordMetrics(String region, List<Proposal> made, List<NewEvent> blockEvents) {
        for (Proposal p : made) {
            meters.counter("transfertafel.proposals.created", "region", region, "origin", p.origin().name()).increment();
            if (p.origin() == TransferProposed.Origin.ENGINE && p.capacityEventAt() != null
                    && !p.createdAt().isBefore(p.capacityEventAt())) {
                Timer.builder("transfertafel.proposals.capacity-to-proposal")
                        .description("time from the capacity event that freed the place to the proposal")
                        .tag("region", region)
                        .publishPercentiles(0.5, 0.95)
                        .register(meters)
                        .record(Duration.between(p.capacityEventAt(), p.createdAt()));
            }
        }
        for (NewEvent event : blockEvents) {
            meters.counter("transfertafel.transfers.blocked", "region", region,
                    "reason", ((TransferBlocked) event.payload()).reason().name()).increment();
        }
    }
}
