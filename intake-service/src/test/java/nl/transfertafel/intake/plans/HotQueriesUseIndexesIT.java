package nl.transfertafel.intake.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.transfertafel.intake.client.infrastructure.PersonalDataRepository;
import nl.transfertafel.intake.figures.infrastructure.FiguresRepository;
import nl.transfertafel.intake.referral.infrastructure.ReferralRepository;
import nl.transfertafel.intake.restriction.infrastructure.RestrictionRepository;
import nl.transfertafel.intake.transfer.infrastructure.TransferProgressRepository;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
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
 * The statements intake runs per referral (POST /api/v1/referrals and what it reads first), per
 * worklist or provider-list page, per event from another service, and per job run read indexes, not
 * whole tables, on a list the size of a national one (issue 10: 100,000+ clients nationally). A
 * database of its own (migrated by Flyway exactly as the service's) holds 50,000 referrals with their
 * personal data and waiting entries, referred by 5,000 practices in 31 regions and placed at 500
 * providers, ANALYZEd; each statement's {@code EXPLAIN (FORMAT JSON)} must hold no Seq Scan on a list
 * table. The SQL is the repositories' own constant, so the statement checked is the statement run.
 * (The inserts have nothing to scan; their foreign-key checks run outside the plan, and
 * {@code ReferralIngestBench} counts those: 0 sequential scans per referral.) Plans with the
 * parameters bound are what PostgreSQL runs for a statement's first five executions and what it
 * compares its generic plan with afterwards. No timings: a plan is the same on a busy machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotQueriesUseIndexesIT {

    private static final String DATABASE = "intake_plans";
    private static final Set<String> LIST_TABLES = Set.of("referral", "client_personal_data", "waiting_entry",
            "transfer_progress");
    private static final int REFERRALS = 50_000;
    private DatabaseClient db;
    private UUID[] page;

    @BeforeAll
    void aNationalSizeList() throws Exception {
        db = QueryPlans.scratchDatabase(DATABASE, "classpath:db/platform", "classpath:db/intake-service");
        db.sql("insert into referral (id, client_pseudonym, referrer_agb, region, postcode_area, age_band,"
                        + " insurer_uzovi, diagnosis_group, care_level, urgency, preferred_provider_agb, max_travel_km,"
                        + " e_health_acceptable, wait_for_preferred_provider, screening_consent, registered_on, source,"
                        + " registered_by, created_at)"
                        + " select md5('plan-ref-' || i)::uuid, 'pseudonym-' || i, '01' || lpad((i % 5000)::text, 6, '0'),"
                        + " 'region-' || (i % 31), '13', '30-39', '3311', 'ANXIETY', 'SPECIALIST', 'REGULAR',"
                        + " '08' || lpad((i % 500)::text, 6, '0'), 25, true, false, true, date '2025-01-01' + (i % 600),"
                        + " 'REFERRAL', 'seed', now()"
                        + " from generate_series(1, :n) i")
                .bind("n", REFERRALS).then().block();
        // the personal data is ciphertext in the service; its size, not its content, shapes the plan
        db.sql("insert into client_personal_data (referral_id, bsn, name, date_of_birth, postcode, email, phone, language)"
                        + " select id, md5(id::text), md5(id::text), md5(id::text), md5(id::text), null, null, 'k1:x'"
                        + " from referral").then().block();
        // nine in ten still wait; most statuses were confirmed recently, a few long ago (the stale job's candidates)
        db.sql("insert into waiting_entry (referral_id, region, client_pseudonym, referrer_agb, provider_agb, placement,"
                        + " waiting_status, stage, diagnosis_group, urgency, registered_on, status_confirmed_on, stale,"
                        + " last_change, version, updated_at)"
                        + " select id, region, client_pseudonym, referrer_agb, preferred_provider_agb, 'PLACED',"
                        + " 'ACTIVE_PLACEMENT', case when n % 10 = 0 then 'TREATMENT_STARTED' else 'WAITING' end,"
                        + " diagnosis_group, urgency, registered_on,"
                        + " case when n % 100 = 0 then date '2025-01-01' else date '2026-11-01' + (n % 30) end,"
                        + " false, 'REGISTERED', 1, now()"
                        + " from (select r.*, row_number() over (order by id)::int as n from referral r) s").then().block();
        // one referral in seven has had a transfer proposed
        db.sql("insert into transfer_progress (referral_id, proposal_id, state, updated_at)"
                        + " select id, 'proposal-' || id, 'PROPOSED', now() from referral where registered_on"
                        + " - date '2025-01-01' < 86").then().block();
        db.sql("analyze").then().block();
        assertThat(db.sql("select count(*) as n from referral").map(row -> row.get("n", Long.class)).one().block())
                .isEqualTo(REFERRALS);
        page = db.sql("select id from referral where client_pseudonym in ('pseudonym-7', 'pseudonym-8', 'pseudonym-9')")
                .map(row -> row.get("id", UUID.class)).all().collectList().block().toArray(UUID[]::new);
    }

    @AfterAll
    void dropIt() throws Exception {
        QueryPlans.drop(DATABASE);
    }

    /** Every statement: a scenario name, the repository's SQL, and values for its parameters. */
    Stream<Arguments> statements() {
        UUID someReferral = page[0];
        Map<String, Object> pageOfWorklist = Map.of("referrer", "01000007", "region", "region-7", "limit", 100,
                "offset", 0);
        Map<String, Object> pageOfProviderList = Map.of("provider", "08000007", "region", "region-7", "limit", 100,
                "offset", 0);
        Map<String, Object> entry = new LinkedHashMap<>(Map.ofEntries(Map.entry("id", someReferral),
                Map.entry("region", "region-7"), Map.entry("pseudonym", "pseudonym-7"), Map.entry("referrer", "01000007"),
                Map.entry("provider", "08000007"), Map.entry("placement", "PLACED"),
                Map.entry("status", "ACTIVE_PLACEMENT"), Map.entry("stage", "WITHDRAWN"),
                Map.entry("withdrawalReason", "CLIENT_REQUEST"), Map.entry("diagnosisGroup", "ANXIETY"),
                Map.entry("urgency", "REGULAR"), Map.entry("registeredOn", LocalDate.of(2025, 1, 8)),
                Map.entry("intakeOn", LocalDate.of(2025, 3, 1)), Map.entry("treatmentOn", LocalDate.of(2025, 4, 1)),
                Map.entry("withdrawnOn", LocalDate.of(2025, 5, 1)), Map.entry("confirmedOn", LocalDate.of(2025, 5, 1)),
                Map.entry("stale", false), Map.entry("lastChange", "WITHDRAWN"), Map.entry("version", 2L),
                Map.entry("updatedAt", Instant.parse("2025-05-01T10:00:00Z")), Map.entry("expectedVersion", 1L),
                Map.entry("waitCountsFrom", LocalDate.of(2025, 6, 1)), Map.entry("locationId", "location-7")));
        return Stream.of(
                // POST /api/v1/referrals: the preferred provider's stops and pauses
                Arguments.of("a referral's placement reads the provider's restrictions",
                        RestrictionRepository.ACTIVE_FOR, Map.of("provider", "08000007")),
                // the GP's worklist and its pages
                Arguments.of("a GP's worklist page", ReferralRepository.BY_REFERRER, pageOfWorklist),
                Arguments.of("a GP's worklist page, waiting clients only", ReferralRepository.BY_REFERRER_ACTIVE,
                        pageOfWorklist),
                Arguments.of("the entries of a worklist page", WaitingEntryRepository.FIND_ALL, Map.of("ids", page)),
                Arguments.of("the transfers of a worklist page", TransferProgressRepository.FIND_ALL, Map.of("ids", page)),
                Arguments.of("the personal data of a worklist page", PersonalDataRepository.FIND_ALL, Map.of("ids", page)),
                Arguments.of("the other open referrals of a page's clients, by pseudonym",
                        WaitingEntryRepository.OPEN_BY_CLIENT,
                        Map.of("pseudonyms", new String[] {"pseudonym-7", "pseudonym-8", "pseudonym-9"})),
                Arguments.of("one referral of the worklist", ReferralRepository.FIND, Map.of("id", someReferral)),
                Arguments.of("a referral locked for a change", ReferralRepository.FIND_FOR_UPDATE, Map.of("id", someReferral)),
                Arguments.of("the client-support organisation changed", ReferralRepository.UPDATE_CLIENT_SUPPORT,
                        Map.of("id", someReferral, "support", "OCO-1")),
                Arguments.of("the referrer confirmed", ReferralRepository.CONFIRM_REFERRER, Map.of("id", someReferral)),
                Arguments.of("a withdrawal reads the entry", WaitingEntryRepository.FIND, Map.of("id", someReferral)),
                Arguments.of("a withdrawal writes the entry on its version", WaitingEntryRepository.UPDATE, entry),
                Arguments.of("a client's contact, for a notification", PersonalDataRepository.FIND, Map.of("id", someReferral)),
                // the provider's waiting list
                Arguments.of("a provider's list page", WaitingEntryRepository.AT_PROVIDER, pageOfProviderList),
                Arguments.of("a provider's list page, waiting clients only", WaitingEntryRepository.AT_PROVIDER_ACTIVE,
                        pageOfProviderList),
                Arguments.of("the referrals of a provider's list page", ReferralRepository.FIND_ALL, Map.of("ids", page)),
                // the transfer table's events about our referrals
                Arguments.of("a transfer event locks its referral", TransferProgressRepository.LOCK_REFERRAL,
                        Map.of("id", someReferral)),
                Arguments.of("a transfer event reads the referral's progress", TransferProgressRepository.FIND,
                        Map.of("id", someReferral)),
                // the jobs that walk the list
                Arguments.of("the staleness job's candidates", WaitingEntryRepository.STALE_CANDIDATES,
                        Map.of("day", LocalDate.of(2025, 6, 1))),
                Arguments.of("the Treeknorm job's candidates", WaitingEntryRepository.CLOCK_CANDIDATES,
                        Map.of("day", LocalDate.of(2025, 2, 1))),
                Arguments.of("the figure gauges' regions, every minute", FiguresRepository.REGIONS_WITH_ENTRIES, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void reads_indexes_not_the_whole_list(String scenario, String sql, Map<String, Object> parameters) {
        QueryPlans.Plan plan = QueryPlans.explain(db, sql, parameters);
        // the figures for the closing note: what each statement reads, and how many rows the planner expects
        System.out.printf("plan [%s]: %s%n", scenario, String.join("; ", plan.scans()));
        assertThat(plan.scansWhole(LIST_TABLES)).as("the plan of %s%n%s%n%s", scenario, sql, plan.json()).isFalse();
    }
}
