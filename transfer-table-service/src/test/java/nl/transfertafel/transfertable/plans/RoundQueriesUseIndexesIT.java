package nl.transfertafel.transfertable.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.core.Binding;
import io.r2dbc.proxy.core.BoundValue;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.postgresql.codec.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.transfertafel.testkit.plans.QueryPlans;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.proposal.infrastructure.RegionSnapshotQuery;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import nl.transfertafel.transfertable.readmodel.infrastructure.RegionCandidates;
import nl.transfertafel.transfertable.waitinglist.infrastructure.WaitingListScreeningRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every statement a matching round sends to read its region (issue 10: {@code waiting_client} 0.71 and
 * {@code proposal} 1.45 sequential scans per referral) reads indexes, not whole tables, on a national-size table
 * (ADR 0330's way: a scratch database migrated by Flyway as the service's, ANALYZEd). The statements are not
 * copied here: the round's own snapshot query ({@link RegionSnapshotQuery}, as {@code MatchingRounds} calls it)
 * runs on the scratch database through r2dbc-proxy, once with a cold instance (the full first read) and once after
 * one new referral (the delta read), and each statement it sent is {@code EXPLAIN}ed with the values it was sent
 * with. 100,000 waiting clients in 31 regions, 40,000 proposals (most ended), 3,100 capacity lines, 20,000
 * screenings, 3,000 closure members. A plan, not a timing: it is the same on a busy machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundQueriesUseIndexesIT {

    private static final String DATABASE = "transfer_table_plans";
    private static final Set<String> LIST_TABLES = Set.of("waiting_client", "proposal", "waiting_list_screening",
            "closure_member", "out_of_region_eligible", "capacity_line");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Sent(String sql, List<Object> values) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private DatabaseClient db;
    private DatabaseClient recorded;

    @BeforeAll
    void aNationalSizeTable() throws Exception {
        db = QueryPlans.scratchDatabase(DATABASE, "classpath:db/platform", "classpath:db/transfer-table-service");
        db.sql("""
                insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral, postcode_area,
                    age_band, diagnosis_group, care_level, urgency, insurer_uzovi, registered_on, entry_version,
                    current_provider_agb, placement, waiting_status, stage, recorded_at, updated_at)
                select 'ref-' || i, 'region-' || (i % 31), 'pseudonym-' || (i % 95000), '01' || lpad((i % 5000)::text, 6, '0'),
                    true, '13', '30-39', 'ANXIETY', 'SPECIALIST', 'REGULAR', '3311', date '2025-01-01' + (i % 600), 1,
                    '08' || lpad((i % 500)::text, 6, '0'), 'PLACED', 'ACTIVE_PLACEMENT',
                    case when i % 10 = 0 then 'IN_TREATMENT' else 'WAITING' end, now(), now()
                from generate_series(1, 100000) i""").then().block();
        db.sql("""
                insert into capacity_line (capacity_line_id, region, provider_agb, provider_type, postcode_area,
                    diagnosis_groups, care_level, places_total, places_left, available_from, places_freed_at, recorded_at,
                    announced, state)
                select 'line-' || i, 'region-' || (i % 31), '08' || lpad((i % 500)::text, 6, '0'), 'GGZ_INSTITUTION', '13',
                    'ANXIETY', 'SPECIALIST', 3, case when i % 4 = 0 then 0 else 2 end, date '2026-01-01', now(), now(),
                    true, case when i % 4 = 0 then 'FULL' else 'OPEN' end
                from generate_series(1, 3100) i""").then().block();
        db.sql("""
                insert into proposal (proposal_id, region, referral_id, client_pseudonym, capacity_line_id,
                    receiving_provider_agb, referrer_agb, origin, diagnosis_group, urgency, state, explanation, created_at,
                    updated_at)
                select 'proposal-' || i, 'region-' || (i % 31), 'ref-' || i, 'pseudonym-' || (i % 95000), 'line-' || (i % 3100),
                    '08' || lpad((i % 500)::text, 6, '0'), '01000001', 'ENGINE', 'ANXIETY', 'REGULAR',
                    case when i % 40 = 0 then 'PROPOSED' when i % 40 = 1 then 'APPROVED' when i % 40 = 2 then 'OFFERED'
                         when i % 4 = 0 then 'COMPLETED' when i % 4 = 1 then 'DECLINED' when i % 4 = 2 then 'REJECTED'
                         else 'EXPIRED' end,
                    '{}', now() - interval '30 days', now() - (i % 60) * interval '1 day'
                from generate_series(1, 40000) i""").then().block();
        db.sql("""
                insert into waiting_list_screening (screening_id, region, referral_id, client_pseudonym, verdict, reason,
                    state, approvals, created_at, decided_at)
                select 'screening-' || i, 'region-' || (i % 31), 'ref-' || (i * 5), 'pseudonym-' || (i * 5 % 95000),
                    case when i % 3 = 0 then 'NOT_SUITABLE_FOR_TRANSFER' else 'TRANSFER_CANDIDATE' end,
                    'SHORTER_WAIT_ELSEWHERE_LIKELY', case when i % 5 = 0 then 'OPEN' else 'CONFIRMED' end, '[]', now(), now()
                from generate_series(1, 20000) i""").then().block();
        db.sql("""
                insert into provider_closure (closure_id, region, provider_agb, diagnosis_groups, end_date, handover_contact,
                    announced_at, recorded_at)
                select 'closure-' || i, 'region-' || (i % 31), '08' || lpad(i::text, 6, '0'), '', date '2027-01-01', 'x',
                    now(), now()
                from generate_series(1, 10) i""").then().block();
        db.sql("""
                insert into closure_member (closure_id, referral_id, region, client_pseudonym, registered_on, in_treatment,
                    joined_at)
                select 'closure-' || (1 + i % 10), 'ref-' || (i * 33), 'region-' || (i * 33 % 31), 'pseudonym-' || (i * 33 % 95000),
                    date '2025-01-01', false, now()
                from generate_series(1, 3000) i""").then().block();
        db.sql("analyze").then().block();

        var recording = ProxyConnectionFactory.builder(db.getConnectionFactory()).onBeforeQuery(this::record).build();
        recorded = DatabaseClient.create(recording);
    }

    @AfterAll
    void dropIt() throws Exception {
        QueryPlans.drop(DATABASE);
    }

    private void record(QueryExecutionInfo execution) {
        if (!recording) {
            return;
        }
        for (QueryInfo query : execution.getQueries()) {
            if (query.getBindingsList().isEmpty()) {
                sent.add(new Sent(query.getQuery(), List.of()));
            }
            query.getBindingsList().forEach(bindings -> {
                List<Object> values = new ArrayList<>();
                for (Binding binding : bindings.getIndexBindings()) {
                    BoundValue value = binding.getBoundValue();
                    values.add(value.isNull() ? null : value.getValue());
                }
                sent.add(new Sent(query.getQuery(), values));
            });
        }
    }

    @Test
    void a_round_reads_its_region_through_indexes_first_in_full_then_by_change() {
        ReadModelRepository readModel = new ReadModelRepository(recorded);
        RegionCandidates candidates = new RegionCandidates(readModel, Duration.ofDays(1), System::nanoTime,
                new SimpleMeterRegistry());
        RegionSnapshotQuery snapshots = new RegionSnapshotQuery(readModel, candidates, new ProposalRepository(recorded),
                new WaitingListScreeningRepository(recorded));

        recording = true;
        var first = snapshots.read("region-7", Instant.now().minus(Duration.ofDays(30))).block();
        db.sql("""
                insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral, diagnosis_group,
                    care_level, urgency, registered_on, entry_version, stage, recorded_at, updated_at)
                values ('ref-new', 'region-7', 'pseudonym-new', '01000001', true, 'ANXIETY', 'SPECIALIST', 'REGULAR',
                    date '2026-12-01', 1, 'WAITING', now(), now())""").then().block();
        var second = snapshots.read("region-7", Instant.now().minus(Duration.ofDays(30))).block();
        recording = false;

        assertThat(first.clients()).as("the region's candidates, about 2,900 of 3,226 rows").hasSizeGreaterThan(2500);
        assertThat(second.clients()).hasSize(first.clients().size() + 1);
        assertThat(sent).as("the statements of two reads").hasSizeGreaterThan(10);
        List<String> wholeTableScans = new ArrayList<>();
        for (Sent statement : sent) {
            List<String> scans = new ArrayList<>();
            collectScans(JSON.readTree(explain(statement)).get(0).get("Plan"), scans);
            System.out.println("plan: " + scans + " <- " + statement.sql().replaceAll("\\s+", " "));
            scans.stream().filter(scan -> scan.startsWith("Seq Scan on ") && LIST_TABLES.contains(scan.split(" ")[3]))
                    .forEach(scan -> wholeTableScans.add(scan + " in: " + statement.sql().replaceAll("\\s+", " ")));
        }
        assertThat(wholeTableScans).as("whole-table scans of list tables in a round's reads").isEmpty();
    }

    private String explain(Sent statement) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("explain (format json) " + statement.sql());
        for (int i = 0; i < statement.values().size(); i++) {
            Object value = statement.values().get(i);
            spec = value == null ? spec.bindNull(i, String.class) : spec.bind(i, value);
        }
        return spec.map(row -> row.get(0) instanceof Json plan ? plan.asString() : String.valueOf(row.get(0))).one()
                .block();
    }

    private static void collectScans(JsonNode node, List<String> scans) {
        if (node.has("Relation Name")) {
            scans.add(node.path("Node Type").asString() + " on " + node.get("Relation Name").asString()
                    + (node.has("Index Name") ? " using " + node.get("Index Name").asString() : "")
                    + " rows=" + node.path("Plan Rows").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            collectScans(child, scans);
        }
    }
}
