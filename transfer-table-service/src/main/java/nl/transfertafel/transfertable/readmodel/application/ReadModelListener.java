package nl.transfertafel.transfertable.readmodel.application;

import reactor.core.publisher.Mono;

/**
 * What the rest of the table must hear once the read model took in another service's event: the read model
 * only records, and names the change; whoever listens decides what follows (ADR 0720). Called inside the
 * consumer's transaction, after the change is stored, and only when the change was applied (an out-of-order
 * or repeated event that changes nothing is not passed on). Implemented by the proposal feature's
 * {@code ReactionsToCapacityAndIntake}.
 */
public interface ReadModelListener {

    /** Something a matching round reads changed in the region: capacity, providers, contracts, restrictions. */
    Mono<Void> regionChanged(String region);

    /**
     * A waiting client of the region arrived or changed (a referral, a waiting entry, a Treeknorm signal, consent):
     * a round is due too, but one round may cover the referrals of a busy spell (ADR 1180).
     */
    Mono<Void> waitingListChanged(String region);

    /** The client's waiting entry left the waiting stage (placed, withdrawn, in treatment elsewhere). */
    Mono<Void> clientLeftWaitingList(String region, String referralId);

    /** The client no longer accepts transfer screening (ScreeningConsentChanged false). */
    Mono<Void> screeningConsentWithdrawn(String region, String referralId);

    /** The capacity line was withdrawn or expired just now. */
    Mono<Void> capacityLineGone(String capacityLineId);

    /** The insurer's contract with the provider now allows transfers. */
    Mono<Void> contractAllows(String insurerUzovi, String providerAgb);

    /** A reservation expired or was released in capacity-service (reservations are not part of the read model). */
    Mono<Void> reservationEnded(String reservationId);

    /** capacity-service holds a reservation for the proposal (its reply to the table may have been lost). */
    Mono<Void> reservationHeld(String proposalId, String reservationId);
}
