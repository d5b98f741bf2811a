package nl.transfertafel.intake.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The queries that run per request or per job on the whole list read indexes, not the whole table,
 * once the list is large (issue 10: a national list is 100,000+ clients). A region of 6,000
 * analysed entries (flevoland, used by no other test; referred by 1,000 practices, placed at 50
 * providers: a national list has ~5,000 practices) stands in for a large list; each query's
 * {@code EXPLAIN (FORMAT JSON)} plan must not hold a sequential scan of a list table.
 */
@IntakeIntegrationTest
class HotQueriesUseIndexesIT {

    private static final List<String> LIST_TABLES = List.of("referral", "waiting_entry");
    private static final int ENTRIES = 6000;
    private static boolean seeded;

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    DatabaseClient db;

    @BeforeAll
    static void notYet() {
        seeded = false;
    }

    private void seed() {
        if (seeded) {
            return;
        }
        db.sql("""
                        insert into referral (id, client_pseudonym, referrer_agb, region, postcode_area, age_band,
                            insurer_uzovi, diagnosis_group, care_level, urgency, preferred_provider_agb, max_travel_km,
                            e_health_acceptable, wait_for_preferred_provider, screening_consent, registered_on, source,
                            registered_by, created_at)
                        select md5('plan-ref' || i)::uuid, 'plan-pseudonym-' || i, '09' || lpad((i % 1000)::text, 6, '0'),
                            'flevoland', '13', '30-39', '3311', 'ANXIETY', 'SPECIALIST', 'REGULAR',
                            '08' || lpad((i % 50)::text, 6, '0'), 25, true, false, true,
                            date '2025-01-01' + (i % 300), 'REFERRAL', 'seed', now()
                        from generate_series(1, :n) i""").bind("n", ENTRIES).then().block();
        db.sql("""
                        insert into waiting_entry (referral_id, region, client_pseudonym, referrer_agb, provider_agb,
                            placement, waiting_status, stage, diagnosis_group, urgency, registered_on,
                            status_confirmed_on, stale, last_change, version, updated_at)
                        select md5('plan-ref' || i)::uuid, 'flevoland', 'plan-pseudonym-' || i,
                            '09' || lpad((i % 1000)::text, 6, '0'), '08' || lpad((i % 50)::text, 6, '0'),
                            'PLACED', 'ACTIVE_PLACEMENT', case when i % 10 = 0 then 'TREATMENT_STARTED' else 'WAITING' end,
                            'ANXIETY', 'REGULAR', date '2025-01-01' + (i % 300),
                            -- most statuses were confirmed recently; a few are old (the job's candidates)
                            case when i % 100 = 0 then date '2025-01-01' else date '2026-11-01' + (i % 30) end,
                            false, 'REGISTERED', 1, now()
                        from generate_series(1, :n) i""").bind("n", ENTRIES).then().block();
        db.sql("analyze referral").then().block();
        db.sql("analyze waiting_entry").then().block();
        seeded = true;
    }

    @Test
    void the_staleness_check_reads_only_the_entries_it_may_flag() {
        assertNoListScan("""
                select referral_id from waiting_entry
                where stage in ('WAITING', 'INTAKE_DONE') and placement = 'PLACED' and not stale
                  and status_confirmed_on <= date '2026-06-01'
                order by status_confirmed_on, referral_id""");
    }

    @Test
    void a_gps_worklist_reads_the_gps_referrals_only() {
        assertNoListScan("""
                select r.* from referral r join waiting_entry e on e.referral_id = r.id
                    and e.stage in ('WAITING', 'INTAKE_DONE')
                where r.referrer_agb = '09000007' and r.region = 'rotterdam' order by r.registered_on desc, r.created_at desc, r.id
                limit 50 offset 0""");
    }

    @Test
    void a_providers_list_reads_the_providers_entries_only() {
        assertNoListScan("""
                select * from waiting_entry where provider_agb = '08000007' and region = 'rotterdam' and placement = 'PLACED'
                    and stage in ('WAITING', 'INTAKE_DONE')
                order by registered_on, referral_id limit 50 offset 0""");
    }

    @Test
    void the_other_open_referrals_of_a_worklist_page_are_counted_by_pseudonym() {
        assertNoListScan("""
                select client_pseudonym, count(*) as open from waiting_entry
                where client_pseudonym = any(array['plan-pseudonym-7', 'plan-pseudonym-8'])
                  and stage in ('WAITING', 'INTAKE_DONE')
                group by client_pseudonym""");
    }

    @Test
    void a_page_of_referrals_is_read_by_id() {
        String ids = "array[md5('plan-ref1')::uuid, md5('plan-ref2')::uuid]";
        assertNoListScan("select * from referral where id = any(" + ids + ")");
        assertNoListScan("select * from waiting_entry where referral_id = any(" + ids + ")");
    }

    private void assertNoListScan(String sql) {
        seed();
        String plan = db.sql("explain (format json) " + sql).map(row -> {
            Object json = row.get(0);
            return json instanceof io.r2dbc.postgresql.codec.Json j ? j.asString() : String.valueOf(json);
        }).one().block();
        List<String> scanned = new ArrayList<>();
        for (String table : LIST_TABLES) {
            if (plan.replaceAll("\\s+", " ").matches("(?s).*\"Node Type\": \"Seq Scan\",[^}]*\"Relation Name\": \""
                    + table + "\".*")) {
                scanned.add(table);
            }
        }
        assertThat(scanned).as("sequential scans in the plan of%n%s%n%s", sql, plan).isEmpty();
    }
}
