package nl.transfertafel.capacity.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.registry.infrastructure.ProviderRepository;
import nl.transfertafel.capacity.reservation.infrastructure.ReservationRepository;
import nl.transfertafel.capacity.restriction.infrastructure.RestrictionRepository;
import nl.transfertafel.testkit.plans.QueryPlans;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The statements capacity runs per announcement (the provider and its locations and offerings, then
 * the line), per reservation (lock the line, the proposal's reservation, whether it ended, take the
 * place), per settlement from the transfer table's events (find, lock, update line and reservation,
 * mark the proposal ended) and per housekeeping run read indexes, not whole tables, once the tables
 * are national-size (issue 10). A database of its own (migrated by Flyway exactly as the service's)
 * holds 2,000 providers, 50,000 capacity lines of which one in twenty is still live, 50,000
 * reservations of which one in fifty is held, 25,000 ended proposals and 5,000 registration
 * restrictions, ANALYZEd; each statement's {@code EXPLAIN (FORMAT JSON)}, with its parameters bound,
 * must hold no Seq Scan on those tables. The SQL is the repositories' own constant. No timings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotQueriesUseIndexesIT {

    private static final String DATABASE = "capacity_plans";
    private static final Set<String> BIG_TABLES = Set.of("provider", "provider_location", "provider_offering",
            "capacity_line", "reservation", "ended_proposal", "registration_restriction");

    private DatabaseClient db;
    private UUID liveLine;
    private UUID heldReservation;

    @BeforeAll
    void nationalSizeTables() throws Exception {
        db = QueryPlans.scratchDatabase(DATABASE, "classpath:db/platform", "classpath:db/capacity-service");
        String agb = "'08' || lpad(i::text, 6, '0')";
        String agbOfLine = "'08' || lpad((1 + i % 2000)::text, 6, '0')";
        List.of("insert into provider select " + agb + ", 'provider ' || i, 'INSTITUTION', 'region-' || (i % 31),"
                        + " case when i % 10 = 0 then '07000001' end, true, 1, now() from generate_series(1, 2000) i",
                "insert into provider_location select md5('location-' || i)::uuid, " + agb + ", 0, '1234AB', null,"
                        + " 'region-' || (i % 31) from generate_series(1, 2000) i",
                "insert into provider_offering select md5('offering-' || i)::uuid, " + agb + ", 0, 'ANXIETY',"
                        + " 'SPECIALIST', 18, 99, '' from generate_series(1, 2000) i",
                "insert into capacity_line select md5('line-' || i)::uuid, " + agbOfLine + ", 'INSTITUTION',"
                        + " 'region-' || (i % 31), null, '13', null, 'ANXIETY', 'SPECIALIST', 18, 99, '', 2,"
                        + " case when i % 20 = 0 then 1 else 0 end, date '2025-01-01', date '2025-01-01' + (i % 700),"
                        + " case when i % 20 = 0 then 'OPEN' else 'CLOSED' end, now(), now() - (i % 100) * interval '1 day', 1"
                        + " from generate_series(1, 50000) i",
                "insert into reservation select md5('reservation-' || i)::uuid, md5('line-' || i)::uuid, 'proposal-' || i,"
                        + " " + agbOfLine + ", 'region-' || (i % 31), case when i % 50 = 0 then 'HELD' else 'CONFIRMED' end,"
                        + " now() + interval '3 days', now(), now(), 1 from generate_series(1, 50000) i",
                "insert into ended_proposal select 'proposal-' || i, now() from generate_series(1, 50000, 2) i",
                "insert into registration_restriction select md5('restriction-' || i)::uuid, " + agbOfLine + ","
                        + " 'region-' || (i % 31), 'STOP', null, 'full', date '2025-01-01', date '2025-01-01' + (i % 700),"
                        + " i % 10 = 0, 1, now() from generate_series(1, 5000) i",
                "analyze").forEach(statement -> db.sql(statement).then().block());
        liveLine = db.sql("select id from capacity_line where state = 'OPEN' limit 1")
                .map(row -> row.get("id", UUID.class)).one().block();
        heldReservation = db.sql("select id from reservation where state = 'HELD' limit 1")
                .map(row -> row.get("id", UUID.class)).one().block();
        assertThat(db.sql("select count(*) as n from capacity_line").map(row -> row.get("n", Long.class)).one().block())
                .isEqualTo(50_000L);
    }

    @AfterAll
    void dropIt() throws Exception {
        QueryPlans.drop(DATABASE);
    }

    /** Every statement: a scenario name, the repository's SQL, and values for its parameters. */
    Stream<Arguments> statements() {
        String[] agbs = {"08000007"};
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        return Stream.of(
                // POST /api/v1/capacity: who announces, and where it works
                Arguments.of("an announcement reads its provider", ProviderRepository.FIND, Map.of("agb", "08000007")),
                Arguments.of("a change locks its provider", ProviderRepository.LOCK, Map.of("agb", "08000007")),
                Arguments.of("the provider's locations", ProviderRepository.LOCATIONS_OF, Map.of("agbs", agbs)),
                Arguments.of("the provider's offerings", ProviderRepository.OFFERINGS_OF, Map.of("agbs", agbs)),
                Arguments.of("a provider's lines", CapacityLineRepository.BY_PROVIDER, Map.of("agb", "08000007")),
                Arguments.of("a provider's live lines", CapacityLineRepository.BY_PROVIDER_LIVE, Map.of("agb", "08000007")),
                Arguments.of("a correction locks its line", CapacityLineRepository.LOCK, Map.of("id", liveLine)),
                Arguments.of("a line read", CapacityLineRepository.FIND, Map.of("id", liveLine)),
                Arguments.of("a line written on its version", CapacityLineRepository.UPDATE, Map.of("id", liveLine,
                        "total", 3, "left", 2, "from", LocalDate.of(2025, 1, 1), "until", LocalDate.of(2027, 1, 1),
                        "state", "OPEN", "confirmedAt", now, "version", 2L, "expected", 1L)),
                // POST /api/v1/capacity/{line}/reservations
                Arguments.of("a reservation finds the proposal's reservation", ReservationRepository.FIND_BY_PROPOSAL,
                        Map.of("proposal", "proposal-7")),
                Arguments.of("a reservation asks whether the proposal ended", ReservationRepository.IS_ENDED,
                        Map.of("proposal", "proposal-8")),
                Arguments.of("a reservation takes a place", CapacityLineRepository.TAKE_PLACE, Map.of("id", liveLine,
                        "state", "FULL", "version", 2L, "expected", 1L, "left", 0)),
                // the transfer table's outcomes settle reservations
                Arguments.of("a settlement reads its reservation", ReservationRepository.FIND, Map.of("id", heldReservation)),
                Arguments.of("a settlement locks its reservation", ReservationRepository.LOCK, Map.of("id", heldReservation)),
                Arguments.of("a settlement writes the reservation on its version", ReservationRepository.UPDATE,
                        Map.of("id", heldReservation, "state", "RELEASED", "version", 2L, "expected", 1L, "at", now)),
                Arguments.of("an ended proposal is recorded once", ReservationRepository.MARK_ENDED,
                        Map.of("proposal", "proposal-9", "at", now)),
                // housekeeping
                Arguments.of("expired holds", ReservationRepository.IDS_HELD_EXPIRING_BY, Map.of("now", now, "limit", 500)),
                Arguments.of("lines past their end", CapacityLineRepository.IDS_PAST_THEIR_END,
                        Map.of("today", LocalDate.of(2026, 12, 5), "limit", 500)),
                Arguments.of("lines not confirmed for a while", CapacityLineRepository.IDS_UNCONFIRMED_SINCE,
                        Map.of("cutoff", now.minusSeconds(30L * 24 * 3600), "limit", 500)),
                Arguments.of("restrictions past their end", RestrictionRepository.IDS_ACTIVE_ENDED_BEFORE,
                        Map.of("today", LocalDate.of(2026, 12, 5), "limit", 500)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void reads_indexes_not_whole_tables(String scenario, String sql, Map<String, Object> parameters) {
        QueryPlans.Plan plan = QueryPlans.explain(db, sql, parameters);
        // the figures for the closing note: what each statement reads, and how many rows the planner expects
        System.out.printf("plan [%s]: %s%n", scenario, String.join("; ", plan.scans()));
        assertThat(plan.scansWhole(BIG_TABLES)).as("the plan of %s%n%s%n%s", scenario, sql, plan.json()).isFalse();
    }
}
