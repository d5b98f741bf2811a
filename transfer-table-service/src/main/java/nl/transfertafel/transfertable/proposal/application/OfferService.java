package nl.transfertafel.transfertable.proposal.application;

import static nl.transfertafel.transfertable.screening.application.Screeners.concurrentUpdates;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.transfer.DeclineReason;
import nl.transfertafel.contracts.events.transfer.ScreeningOverdue;
import nl.transfertafel.platform.audit.AuditLog;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.screening.domain.OrganisationCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * From an approved proposal to a completed transfer: reserving the place at capacity-service, the
 * receiving provider's and the client's answers, expiry, and the proposals that end because the
 * client left the list or the place went away. Releasing and confirming the reservation is
 * capacity-service's reaction to TransferEnded and TransferCompleted.
 */
public class OfferService {

    private static final Logger log = LoggerFactory.getLogger(OfferService.class);

    private final ProposalRepository proposals;
    private final ProposalChanges changes;
    private final ReservationGateway reservations;
    private final ReadModelRepository readModel;
    private final EscalationService escalations;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final MatchTrigger trigger;
    private final TransferTableSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    public OfferService(ProposalRepository proposals, ProposalChanges changes, ReservationGateway reservations,
            ReadModelRepository readModel, EscalationService escalations, Outbox outbox, AuditLog audit,
            TransactionalOperator tx, MatchTrigger trigger, TransferTableSettings settings, Clock clock,
            MeterRegistry meters) {
        this.proposals = proposals;
        this.changes = changes;
        this.reservations = reservations;
        this.readModel = readModel;
        this.escalations = escalations;
        this.outbox = outbox;
        this.audit = audit;
        this.tx = tx;
        this.trigger = trigger;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    // ------------------------------------------------------------------ reservation and offer

    /** Reserves the place of an approved proposal; 409 means the place is gone and the proposal lapses. */
    public Mono<Proposal> reserve(Proposal approved) {
        return reservations.reserve(approved.capacityLineId(), approved.proposalId())
                .flatMap(outcome -> {
                    if (outcome instanceof ReservationGateway.Reserved reserved) {
                        return offered(approved, reserved);
                    }
                    if (outcome instanceof ReservationGateway.PlaceGone) {
                        // the line before the proposal, as the capacity consumer locks them (see offered)
                        return Mono.defer(() -> tx.transactional(readModel.lowerPlacesLeft(approved.capacityLineId(), 0)
                                        .then(fresh(approved.proposalId()))
                                        .flatMap(before -> changes.apply(before, before.lapse(clock)))
                                        .flatMap(changed -> trigger.afterCommit(approved.region())
                                                .thenReturn(changed.proposal()))))
                                .retryWhen(concurrentUpdates())
                                .doOnNext(p -> ended(p, "PLACE_GONE"));
                    }
                    log.warn("reservation for proposal {} not made yet, will retry: {}", approved.proposalId(),
                            ((ReservationGateway.Unavailable) outcome).detail());
                    return Mono.just(approved);
                });
    }

    /**
     * Moves the approved proposal to OFFERED with the reservation capacity-service made. Only this step is taken
     * again on a fresh copy when the proposal changed between its read and its write: the approvals are stored
     * and the place is reserved by then, so neither is repeated. The usual competitor is the table itself:
     * capacity-service's ReservationChanged(HELD) for this very reservation comes back through Kafka and is
     * recorded on the proposal ({@link ReactionsToCapacityAndIntake#reservationHeld}), which the coordinator who
     * approved must not get as a 409 (ADR 0750).
     */
    private Mono<Proposal> offered(Proposal approved, ReservationGateway.Reserved reserved) {
        // the line's row first, then the proposal's: the capacity consumer updates a line and then lapses the
        // proposals holding it, so taking them the other way round here deadlocked with it (40P01, a 500 to
        // the approving coordinator) when the line's CapacityLineChanged of this very reservation came back fast
        return Mono.defer(() -> tx.transactional(readModel.lowerPlacesLeft(approved.capacityLineId(), reserved.placesLeft())
                        .then(fresh(approved.proposalId()))
                        .flatMap(before -> {
                            Instant byTtl = clock.instant().plus(settings.offerTtl());
                            Instant expires = reserved.expiresAt() != null && reserved.expiresAt().isBefore(byTtl)
                                    ? reserved.expiresAt() : byTtl;
                            return changes.apply(before, before.offer(reserved.reservationId(), expires, clock));
                        })
                        .map(changed -> changed.proposal())))
                .retryWhen(concurrentUpdates())
                .doOnNext(p -> meters.counter("transfertafel.offers.made", "region", p.region()).increment())
                .onErrorResume(Refused.class, refused -> alreadyOffered(approved.proposalId(), reserved.reservationId())
                        .switchIfEmpty(Mono.error(refused)));
    }

    /**
     * The approve request and the reservation retry job can both reserve the same approved proposal
     * (the reservation is idempotent by proposal id at capacity-service, so both get the same place).
     * Whoever offers second finds the proposal already offered with that reservation: that is the
     * outcome both wanted, not a conflict to report.
     */
    private Mono<Proposal> alreadyOffered(String proposalId, String reservationId) {
        return proposals.find(proposalId)
                .filter(p -> p.state() == ProposalState.OFFERED && reservationId.equals(p.reservationId()));
    }

    /** Approved proposals whose reservation did not happen (capacity-service was down): try again. */
    public Mono<Integer> retryReservations() {
        return proposals.approvedUnreserved()
                .concatMap(p -> reserve(p).onErrorResume(e -> {
                    // one proposal's failure must not abort the run for the others
                    log.warn("reservation retry for proposal {} failed: {}", p.proposalId(), e.toString());
                    return Mono.just(p);
                }))
                .filter(p -> p.state() != ProposalState.APPROVED).count().map(Long::intValue);
    }

    // ------------------------------------------------------------------ answers

    /** The receiving provider (role PROVIDER, its own AGB) accepts, naming the handover contact, or declines. */
    public Mono<Proposal> answerAsProvider(Actor provider, String proposalId, boolean accepted, DeclineReason reason,
            String handoverContact) {
        if (accepted && (handoverContact == null || handoverContact.isBlank())) {
            return Mono.error(Refused.invalid("handoverContact", "NotBlank",
                    "accepting names a contact person or desk for the warm handover"));
        }
        if (!accepted && reason == null) {
            return Mono.error(Refused.invalid("declineReason", "NotNull", "declining needs a coded reason"));
        }
        return answer(proposalId, p -> Mono.just(provider.has(Role.PROVIDER) && provider.actsFor(p.receivingProviderAgb())),
                provider, p -> p.answerAsProvider(accepted, reason, accepted ? handoverContact.trim() : null, clock),
                "offer.provider-" + (accepted ? "accept" : "decline"), "RECEIVING_PROVIDER", accepted, reason);
    }

    /**
     * The client answers (zelfregie), through the GP who referred them or a client supporter of the
     * region acting on their behalf (criterion g).
     */
    public Mono<Proposal> answerForClient(Actor actor, String proposalId, boolean accepted, DeclineReason reason) {
        if (!accepted && reason == null) {
            return Mono.error(Refused.invalid("declineReason", "NotNull", "declining needs a coded reason"));
        }
        return answer(proposalId, p -> mayAnswerForClient(actor, p), actor,
                p -> p.answerForClient(accepted, reason, clock), "offer.client-" + (accepted ? "accept" : "decline"),
                "CLIENT", accepted, reason);
    }

    /**
     * Whether the actor may answer for the client: the GP who referred them, or a client supporter
     * of the organisation the client named for this referral (ClientSupportChanged; compared as
     * normalised organisation codes). A supporter of the region whom the client did not name may
     * not (issue 11 item 6); nor may anyone when no organisation was named. A GP practice a provider
     * named when onboarding the client acts only once it confirmed it referred the client
     * (ReferrerLinkChanged, issue 11 item 7).
     */
    public static boolean mayAnswerForClient(Actor actor, Proposal p, Access access) {
        return (actor.has(Role.GP) && actor.actsFor(p.referrerAgb()) && access.referrerConfirmed())
                || (actor.has(Role.CLIENT_SUPPORT) && actor.worksIn(p.region()) && access.supportOrganisation() != null
                        && OrganisationCode.same(actor.organisation(), access.supportOrganisation()));
    }

    /**
     * What the read model knows about who may act for the client of a referral: the client-support
     * organisation named (null when none) and whether the named referrer confirmed the link.
     */
    public record Access(String supportOrganisation, boolean referrerConfirmed) {
    }

    /** {@link #mayAnswerForClient(Actor, Proposal, Access)}, looking up what it needs for this actor. */
    public Mono<Boolean> mayAnswerForClient(Actor actor, Proposal p) {
        return access(actor, p).map(access -> mayAnswerForClient(actor, p, access));
    }

    /** {@link #maySee(Actor, Proposal, Access)}, looking up what it needs for this actor. */
    public Mono<Boolean> maySee(Actor actor, Proposal p) {
        return access(actor, p).map(access -> maySee(actor, p, access));
    }

    /**
     * Those of {@code found} the actor sees, in their order, with what it needs looked up once for all of them
     * (issue 10: a list of offers costs the same statements for 1 item as for 30).
     */
    public Flux<Proposal> visible(Actor actor, List<Proposal> found) {
        List<String> referrals = found.stream().map(Proposal::referralId).toList();
        Mono<Map<String, String>> supports = actor.has(Role.CLIENT_SUPPORT)
                ? readModel.clientSupports(referrals) : Mono.just(Map.of());
        List<String> referredByActor = found.stream().filter(p -> actor.actsFor(p.referrerAgb()))
                .map(Proposal::referralId).toList();
        Mono<Set<String>> unconfirmed = actor.has(Role.GP)
                ? readModel.referrersUnconfirmed(referredByActor) : Mono.just(Set.of());
        // one after the other: in a transaction they share its connection
        return supports.flatMap(support -> unconfirmed.map(notConfirmed -> found.stream()
                        .filter(p -> maySee(actor, p, new Access(support.get(p.referralId()),
                                !notConfirmed.contains(p.referralId()))))
                        .toList()))
                .flatMapMany(Flux::fromIterable);
    }

    /** Reads only what the actor's roles make relevant: the support organisation, the referrer's confirmation. */
    private Mono<Access> access(Actor actor, Proposal p) {
        Mono<String> support = actor.has(Role.CLIENT_SUPPORT)
                ? readModel.clientSupport(p.referralId()).defaultIfEmpty("")
                : Mono.just("");
        Mono<Boolean> confirmed = actor.has(Role.GP) && actor.actsFor(p.referrerAgb())
                ? readModel.referrerConfirmed(p.referralId())
                : Mono.just(true);
        // one after the other: in a transaction they share its connection
        return support.flatMap(organisation -> confirmed.map(isConfirmed ->
                new Access(organisation.isEmpty() ? null : organisation, isConfirmed)));
    }

    private Mono<Proposal> answer(String proposalId,
            java.util.function.Function<Proposal, Mono<Boolean>> mayAnswer, Actor actor,
            java.util.function.Function<Proposal, Proposal.Outcome> command, String action, String party,
            boolean accepted, DeclineReason reason) {
        return tx.transactional(fresh(proposalId)
                        .filterWhen(mayAnswer)
                        .switchIfEmpty(Mono.error(Refused.notFound("the offer")))
                        .flatMap(before -> changes.apply(before, command.apply(before)))
                        .flatMap(changed -> audit.record(actor, changed.proposal().clientPseudonym(),
                                        action + ":" + proposalId, "transfer offer")
                                .then(proposals.recordAnswer(changed.proposal(), party, accepted, reason, clock.instant()))
                                .then(afterAnswer(changed.proposal()))
                                .thenReturn(changed.proposal())))
                .doOnNext(p -> {
                    meters.counter("transfertafel.offers.answered", "region", p.region(), "action", action).increment();
                    if (p.state() == ProposalState.COMPLETED) {
                        meters.counter("transfertafel.transfers.completed", "region", p.region()).increment();
                    } else if (p.state() == ProposalState.DECLINED) {
                        ended(p, p.endOutcome().name());
                    }
                });
    }

    private Mono<Void> afterAnswer(Proposal p) {
        if (p.state() == ProposalState.COMPLETED) {
            return escalations.resolveOnTransfer(p.referralId(), p.receivingProviderAgb());
        }
        if (p.state() == ProposalState.DECLINED) {
            return trigger.afterCommit(p.region());
        }
        return Mono.empty();
    }

    // ------------------------------------------------------------------ jobs (on the injected clock)

    /** Offers nobody answered in time expire; the client returns to the pool and the place is released. */
    public Mono<Integer> expireOffers() {
        return proposals.offersExpiredBy(clock.instant())
                .concatMap(p -> tx.transactional(fresh(p.proposalId())
                                .flatMap(before -> changes.apply(before, before.expire(clock)))
                                .flatMap(changed -> trigger.afterCommit(p.region()).thenReturn(changed.proposal())))
                        .doOnNext(done -> ended(done, "OFFER_EXPIRED"))
                        .onErrorResume(Refused.class, e -> Mono.empty()))
                .count().map(Long::intValue);
    }

    /** Reminds the region's coordinators once when a proposal waits too long for its screening. */
    public Mono<Integer> signalOverdueScreenings() {
        Instant now = clock.instant();
        return proposals.screeningOverdue(now.minus(settings.screeningOverdueAfter()))
                .concatMap(p -> tx.transactional(proposals.markOverdueSignalled(p.proposalId(), now)
                        .filter(Boolean::booleanValue)
                        .flatMap(first -> outbox.append(new NewEvent(UUID.randomUUID(), now, p.region(), p.proposalId(),
                                new ScreeningOverdue(p.proposalId(), p.referralId(), p.clientPseudonym(),
                                        p.receivingProviderAgb(), p.currentProviderAgb(), p.referrerAgb(),
                                        p.approvals().size(), (int) Duration.between(p.createdAt(), now).toHours())))
                                .thenReturn(1))))
                .count().map(Long::intValue);
    }

    private Mono<Proposal> fresh(String proposalId) {
        return proposals.find(proposalId).switchIfEmpty(Mono.error(Refused.notFound("the proposal")));
    }

    private void ended(Proposal p, String outcome) {
        countEnded(meters, p, outcome);
    }

    /** One count per proposal that ended, by region and how it ended. */
    static void countEnded(MeterRegistry meters, Proposal p, String outcome) {
        meters.counter("transfertafel.transfers.ended", "region", p.region(), "outcome", outcome).increment();
    }

    /**
     * Whether the actor sees this offer (provider, GP, client supporter, coordinator). The sending
     * provider sees it too: a transfer informs the sending and the receiving provider (warm
     * handover, criterion d); only the receiving one answers it.
     */
    public static boolean maySee(Actor actor, Proposal p, Access access) {
        return (actor.has(Role.PROVIDER) && (actor.actsFor(p.receivingProviderAgb())
                        || (p.currentProviderAgb() != null && actor.actsFor(p.currentProviderAgb()))))
                || mayAnswerForClient(actor, p, access)
                || (actor.has(Role.COORDINATOR) && actor.worksIn(p.region()));
    }
}
