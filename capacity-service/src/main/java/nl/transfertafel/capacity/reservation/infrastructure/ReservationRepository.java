package nl.transfertafel.capacity.reservation.infrastructure;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.capacity.reservation.domain.Reservation;
import nl.transfertafel.contracts.events.capacity.ReservationChanged.State;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The reservation table; proposal_id is unique, which makes reserving idempotent per proposal. */
public class ReservationRepository {

    // The statements, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String INSERT = """
            insert into reservation (id, capacity_line_id, proposal_id, provider_agb, region, state, expires_at,
                created_at, updated_at, version)
            values (:id, :line, :proposal, :provider, :region, :state, :expiresAt, :createdAt, :createdAt, :version)""";
    public static final String FIND = "select * from reservation where id = :id";
    public static final String LOCK = FIND + " for update";
    public static final String FIND_BY_PROPOSAL = "select * from reservation where proposal_id = :proposal";
    public static final String MARK_ENDED = "insert into ended_proposal (proposal_id, ended_at) values (:proposal, :at)"
            + " on conflict (proposal_id) do nothing";
    public static final String IS_ENDED = "select count(*) as n from ended_proposal where proposal_id = :proposal";
    public static final String IDS_HELD_EXPIRING_BY = "select id from reservation where state = 'HELD' and expires_at <= :now"
            + " order by expires_at limit :limit";
    public static final String UPDATE = """
            update reservation set state = :state, version = :version, updated_at = :at
            where id = :id and version = :expected""";

    private final DatabaseClient db;
    private final Clock clock;

    public ReservationRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Mono<Void> insert(Reservation reservation) {
        return db.sql(INSERT)
                .bind("id", reservation.id())
                .bind("line", reservation.capacityLineId())
                .bind("proposal", reservation.proposalId())
                .bind("provider", reservation.providerAgb())
                .bind("region", reservation.region())
                .bind("state", reservation.state().name())
                .bind("expiresAt", reservation.expiresAt())
                .bind("createdAt", reservation.createdAt())
                .bind("version", reservation.version())
                .then();
    }

    public Mono<Reservation> find(UUID id) {
        return db.sql(FIND).bind("id", id)
                .map(ReservationRepository::reservation).one();
    }

    public Mono<Reservation> lock(UUID id) {
        return db.sql(LOCK).bind("id", id)
                .map(ReservationRepository::reservation).one();
    }

    public Mono<Reservation> findByProposal(String proposalId) {
        return db.sql(FIND_BY_PROPOSAL).bind("proposal", proposalId)
                .map(ReservationRepository::reservation).one();
    }

    /**
     * Serialises work on one proposal until the transaction ends (reserving it and ending it), so an
     * ended proposal can never gain a reservation afterwards. Take it before any row lock.
     */
    public Mono<Void> lockProposal(String proposalId) {
        return db.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "proposal:" + proposalId)
                .fetch().rowsUpdated().then();
    }

    /** Records that the transfer table ended the proposal (idempotent). */
    public Mono<Void> markEnded(String proposalId, Instant at) {
        return db.sql(MARK_ENDED)
                .bind("proposal", proposalId).bind("at", at)
                .then();
    }

    public Mono<Boolean> isEnded(String proposalId) {
        return db.sql(IS_ENDED)
                .bind("proposal", proposalId)
                .map(row -> row.get("n", Long.class) > 0).one();
    }

    /** Ids of held reservations whose hold has run out by {@code now}. */
    public Flux<UUID> idsHeldExpiringBy(Instant now, int limit) {
        return db.sql(IDS_HELD_EXPIRING_BY)
                .bind("now", now).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    public Mono<Boolean> update(Reservation reservation, long expectedVersion) {
        return db.sql(UPDATE)
                .bind("id", reservation.id())
                .bind("state", reservation.state().name())
                .bind("version", reservation.version())
                .bind("expected", expectedVersion)
                .bind("at", clock.instant())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    static Reservation reservation(Readable row) {
        return new Reservation(row.get("id", UUID.class), row.get("capacity_line_id", UUID.class),
                row.get("proposal_id", String.class), row.get("provider_agb", String.class),
                row.get("region", String.class), State.valueOf(row.get("state", String.class)),
                row.get("expires_at", Instant.class), row.get("created_at", Instant.class), row.get("version", Long.class));
    }
}
