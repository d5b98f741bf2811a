package nl.transfertafel.capacity.announcement.infrastructure;

import static nl.transfertafel.capacity.common.infrastructure.Sql.bind;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.common.infrastructure.Lists;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged.State;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The capacity_line table. Every change is a conditional update on the version it was decided on. */
public class CapacityLineRepository {

    // The statements, named once: the repository runs them and HotQueriesUseIndexesIT explains these very texts.
    public static final String INSERT = """
            insert into capacity_line (id, provider_agb, provider_type, region, location_id, location_postcode_area,
                offering_id, diagnosis_groups, care_level, min_age, max_age, exclusions, places_total, places_left,
                available_from, available_until, state, announced_at, confirmed_at, version)
            values (:id, :provider, :type, :region, :locationId, :area, :offeringId, :groups, :careLevel, :minAge,
                :maxAge, :exclusions, :total, :left, :from, :until, :state, :announcedAt, :confirmedAt, :version)""";
    public static final String FIND = "select * from capacity_line where id = :id";
    public static final String LOCK = FIND + " for update";
    public static final String BY_PROVIDER = "select * from capacity_line where provider_agb = :agb order by announced_at, id";
    public static final String BY_PROVIDER_LIVE = "select * from capacity_line where provider_agb = :agb"
            + " and state in ('OPEN', 'FULL', 'STALE') order by announced_at, id";
    public static final String IDS_PAST_THEIR_END = """
            select id from capacity_line where state in ('OPEN', 'FULL', 'STALE') and available_until < :today
            order by available_until limit :limit""";
    public static final String IDS_UNCONFIRMED_SINCE = """
            select id from capacity_line where state in ('OPEN', 'FULL') and confirmed_at <= :cutoff
            order by confirmed_at limit :limit""";
    public static final String UPDATE = """
            update capacity_line set places_total = :total, places_left = :left, available_from = :from,
                available_until = :until, state = :state, confirmed_at = :confirmedAt, version = :version
            where id = :id and version = :expected""";
    public static final String TAKE_PLACE = """
            update capacity_line set places_left = places_left - 1, state = :state, version = :version
            where id = :id and version = :expected and state = 'OPEN' and places_left > 0
              and places_left - 1 = :left""";

    private final DatabaseClient db;

    public CapacityLineRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(CapacityLine line) {
        var spec = db.sql(INSERT)
                .bind("id", line.id())
                .bind("provider", line.providerAgb())
                .bind("type", line.providerType().name())
                .bind("region", line.region())
                .bind("area", line.postcodeArea())
                .bind("groups", Lists.join(line.diagnosisGroups()))
                .bind("careLevel", line.careLevel().name())
                .bind("exclusions", Lists.join(line.exclusions()))
                .bind("total", line.placesTotal())
                .bind("left", line.placesLeft())
                .bind("from", line.availableFrom())
                .bind("state", line.state().name())
                .bind("announcedAt", line.announcedAt())
                .bind("confirmedAt", line.confirmedAt())
                .bind("version", line.version());
        spec = bind(spec, "locationId", line.locationId(), UUID.class);
        spec = bind(spec, "offeringId", line.offeringId(), UUID.class);
        spec = bind(spec, "minAge", line.minAge(), Integer.class);
        spec = bind(spec, "maxAge", line.maxAge(), Integer.class);
        spec = bind(spec, "until", line.availableUntil(), LocalDate.class);
        return spec.then();
    }

    public Mono<CapacityLine> find(UUID id) {
        return db.sql(FIND).bind("id", id)
                .map(CapacityLineRepository::line).one();
    }

    /** Reads and locks the line until the transaction ends: changes to one line happen one after the other. */
    public Mono<CapacityLine> lock(UUID id) {
        return db.sql(LOCK).bind("id", id)
                .map(CapacityLineRepository::line).one();
    }

    public Flux<CapacityLine> findByProvider(String providerAgb, boolean liveOnly) {
        return db.sql(liveOnly ? BY_PROVIDER_LIVE : BY_PROVIDER)
                .bind("agb", providerAgb)
                .map(CapacityLineRepository::line).all();
    }

    /** Ids of live lines whose last day is before {@code today}. */
    public Flux<UUID> idsPastTheirEnd(LocalDate today, int limit) {
        return db.sql(IDS_PAST_THEIR_END)
                .bind("today", today).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** Ids of open or full lines last confirmed at or before {@code cutoff}. */
    public Flux<UUID> idsUnconfirmedSince(Instant cutoff, int limit) {
        return db.sql(IDS_UNCONFIRMED_SINCE)
                .bind("cutoff", cutoff).bind("limit", limit)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /**
     * Writes the changed line if nobody changed it since {@code expectedVersion}; emits false
     * otherwise. The places check in the database is the last guard against overselling.
     */
    public Mono<Boolean> update(CapacityLine line, long expectedVersion) {
        var spec = db.sql(UPDATE)
                .bind("id", line.id())
                .bind("total", line.placesTotal())
                .bind("left", line.placesLeft())
                .bind("from", line.availableFrom())
                .bind("state", line.state().name())
                .bind("confirmedAt", line.confirmedAt())
                .bind("version", line.version())
                .bind("expected", expectedVersion);
        spec = bind(spec, "until", line.availableUntil(), LocalDate.class);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Takes one place in one statement: succeeds only while the line is OPEN with a place left and
     * still at the version the reservation was decided on. This conditional update is what makes
     * overselling impossible, whatever happens around it.
     */
    public Mono<Boolean> takePlace(CapacityLine decided, long expectedVersion) {
        return db.sql(TAKE_PLACE)
                .bind("id", decided.id())
                .bind("state", decided.state().name())
                .bind("version", decided.version())
                .bind("expected", expectedVersion)
                .bind("left", decided.placesLeft())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    static CapacityLine line(Readable row) {
        return new CapacityLine(
                row.get("id", UUID.class),
                row.get("provider_agb", String.class),
                ProviderType.valueOf(row.get("provider_type", String.class)),
                row.get("region", String.class),
                row.get("location_id", UUID.class),
                row.get("location_postcode_area", String.class),
                row.get("offering_id", UUID.class),
                Lists.split(row.get("diagnosis_groups", String.class), DiagnosisGroup::valueOf),
                CareLevel.valueOf(row.get("care_level", String.class)),
                row.get("min_age", Integer.class),
                row.get("max_age", Integer.class),
                Lists.split(row.get("exclusions", String.class), ExclusionCriterion::valueOf),
                row.get("places_total", Integer.class),
                row.get("places_left", Integer.class),
                row.get("available_from", LocalDate.class),
                row.get("available_until", LocalDate.class),
                State.valueOf(row.get("state", String.class)),
                row.get("announced_at", Instant.class),
                row.get("confirmed_at", Instant.class),
                row.get("version", Long.class));
    }
}
