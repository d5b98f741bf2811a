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

    public record RoundReport(String region, int candidates, int linesWithArcs, int proposals, int newBlocks,
            long millis) {
    }

    /** One matching round for the region; the proposals are committed when this completes. */
    public Mono<RoundReport> runRegion(String region) {
        long started = System.nanoTime();
        return Mono.defer(() -> proposals.lockRegion(region)
                        .then(snapshot(region))
                        // the assignment is CPU work: not on the database driver's event loop
                        .publishOn(Schedulers.boundedElastic())
                        .map(round::run)
                        .flatMap(result -> persist(region, result, started)))
                .as(tx::transactional)
                .doOnNext(report -> {
                    if (report.proposals() > 0 || report.newBlocks() > 0) {
                        log.info("matching round region={} candidates={} lines={} proposals={} newBlocks={} ms={}",
                                region, report.candidates(), report.linesWithArcs(), report.proposals(),
                                report.newBlocks(), report.millis());
                    }
                    meters.timer("transfertafel.matching.rounds", "region", region)
                            .record(Duration.ofMillis(report.millis()));
                });
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
                            blockEvents.size(), (System.nanoTime() - started) / 1_000_000);
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
                        .flatMap(client -> proposals.lockRegion(client.region())
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
