package nl.transfertafel.transfertable.proposal.application;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Reserves a place at capacity-service (the single place that prevents double booking). */
public interface ReservationGateway {

    /** Idempotent per proposal: the same proposal gets the same reservation. */
    Mono<Outcome> reserve(String capacityLineId, String proposalId);

    sealed interface Outcome permits Reserved, PlaceGone, Unavailable {
    }

    record Reserved(String reservationId, Instant expiresAt, int placesLeft) implements Outcome {
    }

    /** 409 from capacity-service: no place left or the line is not open (its {@code rule}). */
    record PlaceGone(String rule, String detail) implements Outcome {
    }

    /** capacity-service could not be reached or failed: try again later. */
    record Unavailable(String detail) implements Outcome {
    }
}
