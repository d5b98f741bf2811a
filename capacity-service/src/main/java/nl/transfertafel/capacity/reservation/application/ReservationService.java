package nl.transfertafel.capacity.reservation.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.common.application.Refusals;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.reservation.domain.Reservation;
import nl.transfertafel.capacity.reservation.infrastructure.ReservationRepository;
import nl.transfertafel.contracts.events.capacity.ReservationChanged.State;
import nl.transfertafel.platform.events.Outbox;
import nl.transfertafel.platform.refusal.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reserves, confirms, releases and expires places. Every change locks the capacity line first (then
 * the reservation), lets the domain decide, and stores line, reservation and events in one
 * transaction; taking a place is additionally a conditional update, so no line is ever oversold.
 */
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    public static final String PROPOSAL_ALREADY_RESERVED = "proposal-already-reserved";
    public static final String PROPOSAL_ENDED = "proposal-ended";
    private static final int BATCH = 500;

    /** A reservation with the places its line has left; {@code created} is false when an earlier reservation was returned. */
    public record Reserved(Reservation reservation, int placesLeft, boolean created) {
    }

    private final CapacityLineRepository lines;
    private final ReservationRepository reservations;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Duration hold;
    private final MeterRegistry meters;

    public ReservationService(CapacityLineRepository lines, ReservationRepository reservations, Outbox outbox,
            TransactionalOperator tx, Clock clock, Duration hold, MeterRegistry meters) {
        this.lines = lines;
        this.reservations = reservations;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.hold = hold;
        this.meters = meters;
    }

    /**
     * Takes one place of the line for the proposal. The same proposal again for the same line answers
     * the reservation it already has; for another line it is refused.
     */
    public Mono<Reserved> reserve(UUID lineId, String proposalId) {
        // lock order: the proposal (against a TransferEnded settling it at the same time), then the line
        Mono<Reserved> work = reservations.lockProposal(proposalId).then(lines.lock(lineId))
                .switchIfEmpty(Mono.error(() -> {
                    refused("unknown", "not-found");
                    return Refused.notFound("capacity line " + lineId);
                }))
                .flatMap(line -> reservations.findByProposal(proposalId)
                        .map(existing -> existingFor(existing, lineId, line.placesLeft()))
                        .switchIfEmpty(Mono.defer(() -> reservations.isEnded(proposalId)
                                .flatMap(ended -> ended
                                        ? Mono.<Reserved>error(Refused.conflict(PROPOSAL_ENDED, "proposal " + proposalId
                                                + " has ended (TransferEnded); it cannot hold a place"))
                                        : hold(line, proposalId))))
                        .doOnError(Refused.class, e -> refused(line.region(), e.rule())));
        return tx.transactional(work)
                // a concurrent request for the same proposal won the unique key: answer its reservation
                .onErrorResume(DataIntegrityViolationException.class, e -> reservations.findByProposal(proposalId)
                        .flatMap(existing -> lines.find(existing.capacityLineId())
                                .map(line -> existingFor(existing, lineId, line.placesLeft())))
                        .switchIfEmpty(Mono.error(e)))
                .doOnNext(reserved -> {
                    if (reserved.created()) {
                        meters.counter("transfertafel.reservations.taken", "region", reserved.reservation().region())
                                .increment();
                        log.info("reservation {} holds a place on line {} for proposal {}", reserved.reservation().id(),
                                lineId, proposalId);
                    }
                });
    }

    private void refused(String region, String rule) {
        meters.counter("transfertafel.reservations.refused", "region", region, "rule", rule).increment();
    }

    private Reserved existingFor(Reservation existing, UUID lineId, int placesLeft) {
        if (!existing.capacityLineId().equals(lineId)) {
            throw Refused.conflict(PROPOSAL_ALREADY_RESERVED, "proposal " + existing.proposalId()
                    + " already has reservation " + existing.id() + " on another capacity line");
        }
        return new Reserved(existing, placesLeft, false);
    }

    private Mono<Reserved> hold(CapacityLine line, String proposalId) {
        Outcome.Done<Reservation.OnLine> done = Reservation.hold(line, proposalId, hold, clock).orRaise(Refusals::refused);
        Reservation reservation = done.state().reservation();
        CapacityLine after = done.state().line();
        return lines.takePlace(after, line.version())
                .flatMap(taken -> taken ? reservations.insert(reservation)
                        : Mono.error(Refused.conflict("no-place-left",
                                "capacity line " + line.id() + " has no place left")))
                .then(outbox.append(done.events()))
                .thenReturn(new Reserved(reservation, after.placesLeft(), true));
    }

    public Mono<Reserved> confirm(UUID reservationId) {
        return tx.transactional(settle(reservationId, (reservation, line) -> reservation.confirm(line, clock)));
    }

    public Mono<Reserved> release(UUID reservationId) {
        return tx.transactional(settle(reservationId, (reservation, line) -> reservation.release(line, clock)));
    }

    /**
     * The transfer table ended the proposal: from now on it cannot take a place. Runs in the caller's
     * transaction and keeps the proposal locked to its end, so a reservation request for it cannot slip
     * in between this and the release of the place it holds.
     */
    public Mono<Void> ended(String proposalId) {
        return reservations.lockProposal(proposalId).then(reservations.markEnded(proposalId, clock.instant()));
    }

    /** The reservation taken for a proposal, if any (at most one: reserving is idempotent per proposal). */
    public Mono<UUID> reservationOf(String proposalId) {
        return reservations.findByProposal(proposalId).map(Reservation::id);
    }

    public Mono<Reserved> get(UUID reservationId) {
        return reservations.find(reservationId)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("reservation " + reservationId)))
                .flatMap(reservation -> lines.find(reservation.capacityLineId())
                        .map(line -> new Reserved(reservation, line.placesLeft(), false)));
    }

    /** Expires every held reservation whose hold has run out; each in its own transaction. Emits how many expired. */
    public Mono<Integer> expireDue() {
        return reservations.idsHeldExpiringBy(clock.instant(), BATCH).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(id -> tx.transactional(settle(id, (reservation, line) -> reservation.expireIfDue(line, clock)))
                        .map(reserved -> reserved.reservation().state() == State.EXPIRED && reserved.created() ? 1 : 0)
                        .onErrorResume(Refused.class, e -> Mono.just(0)))
                .reduce(0, Integer::sum);
    }

    /**
     * Applies a transition inside the caller's transaction (the event consumers run it in theirs).
     * {@code created} in the answer says whether anything changed.
     */
    public Mono<Reserved> settle(UUID reservationId,
            BiFunction<Reservation, CapacityLine, Outcome<Reservation.OnLine>> decide) {
        return reservations.find(reservationId)
                .switchIfEmpty(Mono.error(() -> Refused.notFound("reservation " + reservationId)))
                // lock order everywhere: line first, then reservation
                .flatMap(found -> lines.lock(found.capacityLineId())
                        .flatMap(line -> reservations.lock(reservationId).flatMap(reservation -> {
                            Outcome.Done<Reservation.OnLine> done = decide.apply(reservation, line).orRaise(Refusals::refused);
                            if (!done.changed()) {
                                return Mono.just(new Reserved(reservation, line.placesLeft(), false));
                            }
                            Reservation after = done.state().reservation();
                            CapacityLine lineAfter = done.state().line();
                            Mono<Boolean> lineWrite = lineAfter.version() == line.version() ? Mono.just(true)
                                    : lines.update(lineAfter, line.version());
                            return lineWrite
                                    .flatMap(lineWritten -> lineWritten ? reservations.update(after, reservation.version())
                                            : Mono.just(false))
                                    // both rows are locked, so a lost update here is a bug: fail and roll back
                                    .flatMap(written -> written ? outbox.append(done.events())
                                            : Mono.error(new IllegalStateException("reservation " + reservationId
                                                    + " or its line changed under a lock")))
                                    .then(Mono.fromRunnable(() -> meters.counter("transfertafel.reservations.settled",
                                            "region", after.region(), "state", after.state().name()).increment()))
                                    .thenReturn(new Reserved(after, lineAfter.placesLeft(), true));
                        })));
    }
}
