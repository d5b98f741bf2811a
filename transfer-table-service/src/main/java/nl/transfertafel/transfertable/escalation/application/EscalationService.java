package nl.transfertafel.transfertable.escalation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.transfertable.escalation.domain.Escalation;
import nl.transfertafel.transfertable.escalation.domain.EscalationPolicy;
import nl.transfertafel.transfertable.escalation.infrastructure.EscalationRepository;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.matching.domain.BlockReason;
import nl.transfertafel.transfertable.matching.domain.Eligibility;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.domain.MatchingContext;
import nl.transfertafel.transfertable.readmodel.domain.CapacityLine;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens escalation cases on a schedule (domain rule 9), lets coordinators re-route them and
 * coordinators or the client's insurer resolve them, and keeps each case's history.
 */
public class EscalationService {

    /** Organisation recorded when the transfer table itself resolves a case (the client was transferred). */
    public static final String TRANSFER_TABLE = "transfer-table";

    private final EscalationRepository escalations;
    private final ReadModelRepository readModel;
    private final RegionSnapshots snapshots;
    private final TransferTableSettings settings;
    private final Eligibility eligibility;
    private final EscalationPolicy policy;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public EscalationService(EscalationRepository escalations, ReadModelRepository readModel, RegionSnapshots snapshots,
            TransferTableSettings settings, Eligibility eligibility, EscalationPolicy policy, Outbox outbox,
            AuditLog audit, TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        this.escalations = escalations;
        this.readModel = readModel;
        this.snapshots = snapshots;
        this.settings = settings;
        this.eligibility = eligibility;
        this.policy = policy;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /** Scheduled job: opens the cases that are due in every region; returns how many opened. */
    public Mono<Integer> openDueEscalations() {
        return readModel.regions().concatMap(this::openDueEscalations).reduce(0, Integer::sum);
    }

    public Mono<Integer> openDueEscalations(String region) {
        return snapshots.forRound(region, clock, settings)
                .flatMapMany(snapshot -> Flux.fromIterable(due(snapshot)))
                .concatMap(opened -> tx.transactional(escalations.insert(opened.escalation())
                        .filter(Boolean::booleanValue)
                        .flatMap(isNew -> escalations.addHistory(opened.escalation().escalationId(), opened.history())
                                .then(outbox.append(opened.event()))
                                .thenReturn(1))))
                .doOnNext(n -> meters.counter("transfertafel.escalations.opened", "region", region).increment())
                .count().map(Long::intValue);
    }

    private List<Escalation.Opened> due(MatchRound.Snapshot snapshot) {
        MatchingContext context = snapshot.context();
        return snapshot.clients().stream()
                .map(client -> {
                    boolean handled = eligibility.clientBlocks(client, context).stream()
                            .allMatch(b -> b.reason() == BlockReason.ALREADY_IN_PROPOSAL);
                    boolean inProposal = context.clientsInActiveProposal().contains(client.referralId());
                    boolean capacity = handled && !inProposal && hasEligibleCapacity(client, snapshot.lines(), context);
                    return policy.check(client, handled, inProposal, capacity, context.today())
                            .map(c -> Escalation.open(client, c, clock)).orElse(null);
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private boolean hasEligibleCapacity(WaitingClient client, List<CapacityLine> lines, MatchingContext context) {
        for (CapacityLine line : lines) {
            if (eligibility.firstPairBlock(client, line, context) == null) {
                return true;
            }
        }
        return false;
    }

    /** A coordinator of the region hands the case to the other route. */
    public Mono<Escalation> reroute(Actor coordinator, String escalationId, EscalationOpened.Route route) {
        return change(escalationId, e -> coordinator.has(Role.COORDINATOR) && coordinator.worksIn(e.region()),
                e -> e.reroute(route, coordinator.organisation(), clock), coordinator, "escalation.route");
    }

    /** A coordinator of the region, or the client's insurer (care mediation), records how the case was resolved. */
    public Mono<Escalation> resolve(Actor actor, String escalationId, EscalationResolved.Resolution resolution) {
        return change(escalationId, e -> maySee(actor, e), e -> e.resolve(resolution, actor.organisation(), clock), actor,
                "escalation.resolve");
    }

    /** The client was transferred through the table: open cases resolve as placed in the region (inside the caller's transaction). */
    public Mono<Void> resolveOnTransfer(String referralId, String receivingProviderAgb) {
        return escalations.openForClient(referralId)
                .concatMap(v -> {
                    Escalation.Changed changed = v.escalation().resolve(EscalationResolved.Resolution.PLACED_IN_REGION,
                            TRANSFER_TABLE, clock);
                    return escalations.update(changed.escalation(), v.version())
                            .then(escalations.addHistory(v.escalation().escalationId(), new Escalation.HistoryEntry(
                                    changed.history().at(), "RESOLVED", "PLACED_IN_REGION: transferred to provider "
                                    + receivingProviderAgb, TRANSFER_TABLE)))
                            .then(outbox.append(changed.events()));
                })
                .then();
    }

    private Mono<Escalation> change(String escalationId, java.util.function.Predicate<Escalation> mayChange,
            java.util.function.Function<Escalation, Escalation.Changed> command, Actor actor, String action) {
        return tx.transactional(escalations.find(escalationId)
                .filter(v -> mayChange.test(v.escalation()))
                .switchIfEmpty(Mono.error(Refused.notFound("the escalation")))
                .flatMap(v -> {
                    if (v.escalation().state() != Escalation.State.OPEN) {
                        return Mono.error(Refused.conflict("illegal-transition", "The escalation is "
                                + v.escalation().state() + "; it cannot be changed any more."));
                    }
                    Escalation.Changed changed = command.apply(v.escalation());
                    return escalations.update(changed.escalation(), v.version())
                            .flatMap(stored -> stored ? Mono.just(changed) : Mono.error(Refused.conflict(
                                    Refused.CONCURRENT_UPDATE, "Someone else changed this escalation; reload and try again.")));
                })
                .flatMap(changed -> escalations.addHistory(escalationId, changed.history())
                        .then(outbox.append(changed.events()))
                        .then(audit.record(actor, changed.escalation().clientPseudonym(), action + ":" + escalationId,
                                "escalation handling"))
                        .thenReturn(changed.escalation())));
    }

    /** Coordinators see their region's cases; an insurer sees the cases of its own insured clients. */
    public static boolean maySee(Actor actor, Escalation e) {
        return (actor.has(Role.COORDINATOR) && actor.worksIn(e.region()))
                || (actor.has(Role.INSURER) && actor.actsFor(e.insurerUzovi()));
    }

    public Flux<Escalation> listFor(Actor actor, Escalation.State state) {
        String stateFilter = state == null ? "" : " and state = :state";
        Map<String, Object> params = new java.util.HashMap<>();
        if (state != null) {
            params.put("state", state.name());
        }
        if (actor.has(Role.COORDINATOR)) {
            params.put("region", actor.region() == null ? "" : actor.region());
            return escalations.list("region = :region" + stateFilter, params);
        }
        params.put("insurer", actor.organisation() == null ? "" : actor.organisation());
        return escalations.list("insurer_uzovi = :insurer" + stateFilter, params);
    }

    public Mono<Escalation> find(Actor actor, String escalationId) {
        return escalations.find(escalationId).map(EscalationRepository.Versioned::escalation)
                .filter(e -> maySee(actor, e))
                .switchIfEmpty(Mono.error(Refused.notFound("the escalation")));
    }

    public Flux<Escalation.HistoryEntry> history(String escalationId) {
        return escalations.history(escalationId);
    }
}
