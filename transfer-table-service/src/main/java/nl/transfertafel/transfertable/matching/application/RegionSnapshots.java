package nl.transfertafel.transfertable.matching.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import nl.transfertafel.transfertable.matching.domain.MatchRound;
import nl.transfertafel.transfertable.matching.domain.RegionSnapshot;
import reactor.core.publisher.Mono;

/**
 * Matching's port for reading a region (issue 16): matching owns the question, the feature that holds the
 * answers implements it ({@code proposal.infrastructure.RegionSnapshotQuery}, over the read model and the
 * table's own proposals and screenings). Matching itself reaches into no other feature's repository.
 */
public interface RegionSnapshots {

    /**
     * The region now. Runs its reads one after another, so inside a transaction (the round's, holding the
     * region lock) it sees one consistent state on the transaction's one connection.
     *
     * @param refusedSince refusals from this moment on still keep a pair apart (the refusal cool-down)
     */
    Mono<RegionSnapshot> read(String region, Instant refusedSince);

    /**
     * The region's out-of-region view (ADR 1430): its clients eligible for other regions' lines (closure members a
     * round of the region left unplaced) against the open lines with free places of every other region, with
     * those lines' contracts, stops and held places, and the region's own history (refusals, open proposals, ...).
     */
    Mono<RegionSnapshot> readOutOfRegion(String region, Instant refusedSince);

    /** The out-of-region snapshot at the clock's now; see {@link #readOutOfRegion}. */
    default Mono<MatchRound.Snapshot> outOfRegionForRound(String region, Clock clock, TransferTableSettings settings) {
        return readOutOfRegion(region, clock.instant().minus(settings.refusalCooldown()))
                .map(snapshot -> snapshot.forRound(LocalDate.now(clock), settings.defaultMaxTravelKm()));
    }

    /** The snapshot a round works on at the clock's now: the settings' cool-down and default travel distance. */
    default Mono<MatchRound.Snapshot> forRound(String region, Clock clock, TransferTableSettings settings) {
        return read(region, clock.instant().minus(settings.refusalCooldown()))
                .map(snapshot -> snapshot.forRound(LocalDate.now(clock), settings.defaultMaxTravelKm()));
    }
}
