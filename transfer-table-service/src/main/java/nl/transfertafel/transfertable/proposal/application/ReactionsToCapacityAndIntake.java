package nl.transfertafel.transfertable.proposal.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.transfertable.matching.application.MatchTrigger;
import nl.transfertafel.transfertable.matching.infrastructure.BlockRepository;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.readmodel.application.ReadModelListener;
import reactor.core.publisher.Mono;

/**
 * What the table does when intake or capacity changed something its proposals depend on: a client who left
 * the waiting list has their open proposals withdrawn, one who withdrew screening consent their proposals still in
 * screening, proposals holding a line that closed lapse, an offer
 * whose reservation capacity-service ended expires, a reservation capacity-service holds for a proposal is
 * recorded on it, a contract that now allows transfers lifts its contract blocks, and any change asks for a
 * matching round of the region once committed.
 *
 * <p>Runs inside the consumer's transaction, after the read model stored the change, and only when it was
 * applied; each reaction is idempotent (a redelivered event finds nothing left to end), so it is safe under
 * the consumers' at-least-once delivery as well as under their idempotency check (ADR 0720).
 */
public class ReactionsToCapacityAndIntake implements ReadModelListener {

    private final ProposalRepository proposals;
    private final ProposalChanges changes;
    private final BlockRepository blocks;
    private final MatchTrigger trigger;
    private final Clock clock;
    private final MeterRegistry meters;

    public ReactionsToCapacityAndIntake(ProposalRepository proposals, ProposalChanges changes, BlockRepository blocks,
            MatchTrigger trigger, Clock clock, MeterRegistry meters) {
        this.proposals = proposals;
        this.changes = changes;
        this.blocks = blocks;
        this.trigger = trigger;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public Mono<Void> regionChanged(String region) {
        return trigger.afterCommit(region);
    }

    @Override
    public Mono<Void> waitingListChanged(String region) {
        return trigger.afterWaitingListCommit(region);
    }

    /** Open proposals and offers for the client end: they are no longer waiting here. */
    @Override
    public Mono<Void> clientLeftWaitingList(String region, String referralId) {
        // under the region's round lock, as for withdrawn consent: a round running now read the client as
        // waiting and must not commit a proposal for it after this withdrawal
        return proposals.lockRegion(region)
                .thenMany(proposals.openForClient(referralId))
                .concatMap(p -> changes.apply(p, p.withdraw(clock))
                        .doOnNext(c -> OfferService.countEnded(meters, c.proposal(), "CLIENT_LEFT_WAITING_LIST")))
                .then();
    }

    /**
     * Proposals of the client still in four-eyes screening are withdrawn: nobody may screen a client who no longer
     * accepts it. An approved proposal (its place being reserved) and an offer already made are left to the
     * client's answer to the offer, which the client can decline; the read model's consent keeps new rounds away.
     */
    @Override
    public Mono<Void> screeningConsentWithdrawn(String region, String referralId) {
        // under the region's round lock: a round running now read its clients before this transaction commits
        // (consent still true) and may commit a proposal for the client after it; waiting for that round makes
        // its proposal one we withdraw here, and the next round reads the consent and the withdrawal together
        return proposals.lockRegion(region)
                .thenMany(proposals.openForClient(referralId))
                .filter(p -> ProposalState.AWAITING_SCREENING.contains(p.state()))
                .concatMap(p -> changes.apply(p, p.withdraw(clock))
                        .doOnNext(c -> OfferService.countEnded(meters, c.proposal(), "SCREENING_CONSENT_WITHDRAWN")))
                .then();
    }

    /** Proposals holding a place on the line (not yet reserved) lapse: the place is gone. */
    @Override
    public Mono<Void> capacityLineGone(String capacityLineId) {
        return proposals.holdingOnLine(capacityLineId)
                .concatMap(p -> changes.apply(p, p.lapse(clock))
                        .doOnNext(c -> OfferService.countEnded(meters, c.proposal(), "PLACE_GONE")))
                .then();
    }

    /** The contract blocks of this insurer and provider are lifted (domain rule: no transfer without contract). */
    @Override
    public Mono<Void> contractAllows(String insurerUzovi, String providerAgb) {
        return Mono.defer(() -> blocks.lift(insurerUzovi, providerAgb, clock.instant())).then();
    }

    /** capacity-service let the reservation expire or released it while the offer was open: the offer expires. */
    @Override
    public Mono<Void> reservationEnded(String reservationId) {
        return proposals.byReservation(reservationId)
                .filter(p -> ProposalState.OFFER_OPEN.contains(p.state()))
                .concatMap(p -> changes.apply(p, p.expire(clock))
                        .doOnNext(c -> OfferService.countEnded(meters, c.proposal(), "OFFER_EXPIRED"))
                        .flatMap(c -> trigger.afterCommit(p.region())))
                .then();
    }

    /**
     * capacity-service holds a reservation for the proposal whose reply was lost (item 16): recorded, so the
     * TransferEnded or ReservationChanged that may follow finds the proposal.
     */
    @Override
    public Mono<Void> reservationHeld(String proposalId, String reservationId) {
        return proposals.recordKnownReservation(proposalId, reservationId).then();
    }
}
