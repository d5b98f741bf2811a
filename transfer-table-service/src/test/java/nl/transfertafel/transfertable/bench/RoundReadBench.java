package nl.transfertafel.transfertable.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import nl.transfertafel.transfertable.TransferTableIntegrationTest;
import nl.transfertafel.transfertable.TransferTableWiring;
import nl.transfertafel.transfertable.matching.application.RegionSnapshots;
import nl.transfertafel.transfertable.proposal.application.MatchingRounds;
import nl.transfertafel.transfertable.readmodel.infrastructure.ReadModelRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A matching round in a region of 3,200 waiting clients after one new referral, measured (a benchmark, not a
 * test: the name matches neither surefire's nor failsafe's patterns). Run it with
 * {@code ./mvnw -B -ntp -q -pl transfer-table-service -am verify -Djib.skip=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=RoundReadBench}
 * (issue 10, ADR 1160). The region sits in a national list (30 other regions of the same size); 40 full lines, so
 * the round reads everything a round reads and proposes nothing (the same work every time). Per round: a new
 * referral is written, then the round runs ({@code MatchingRounds.runRegion}, as the trigger runs it); then the
 * same for the round's region read alone ({@code RegionSnapshots.read} in a transaction); and, as the peer in the
 * same run, the full read of the region's candidates ({@code ReadModelRepository.clients}, what every round did
 * before ADR 1160). Prints {@code key=value} lines: milliseconds (p50, p90, p99), the {@code waiting_client}
 * tuples PostgreSQL read per round (pg_stat_user_tables), the rows the JVM decoded per round (the
 * {@code transfertafel.matching.candidate-rows-read} counter where the service has it; else the candidates, which
 * the full read decodes every round), and {@code uptime} before and after. Size with {@code -Dbench.clients=}
 * (3200) and {@code -Dbench.rounds=} (200). Uses nothing added by ADR 1160, so the same class measures the code
 * before it.
 */
@TransferTableIntegrationTest
class RoundReadBench {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        TransferTableWiring.register(registry);
    }

    @Autowired
    DatabaseClient db;
    @Autowired
    RegionSnapshots snapshots;
    @Autowired
    MatchingRounds rounds;
    @Autowired
    ReadModelRepository readModel;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    MeterRegistry meters;

    private final Map<String, String> figures = new LinkedHashMap<>();
    private int referrals;

    @Test
    void one_new_referral_in_a_region_of_3200() throws Exception {
        int clients = Integer.getInteger("bench.clients", 3200);
        int times = Integer.getInteger("bench.rounds", 200);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String region = "bench-" + run;
        figures.put("uptime_before", uptime());
        // the national list: 31 regions of this size; in each about one in ten has left (treatment, withdrawn)
        db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            postcode_area, age_band, diagnosis_group, care_level, urgency, insurer_uzovi, registered_on,
                            entry_version, current_provider_agb, placement, waiting_status, stage, screening_consent,
                            recorded_at, updated_at)
                        select :run || '-ref-' || i, case when i % 31 = 0 then :region else :run || '-other-' || (i % 31) end,
                            :run || '-person-' || i, '01000001', true, '13', '30-39', 'ANXIETY', 'SPECIALIST', 'REGULAR',
                            '3311', date '2025-01-01' + (i % 600), 1, '08' || lpad((i % 500)::text, 6, '0'), 'PLACED',
                            'ACTIVE_PLACEMENT', case when i % 10 = 0 then 'IN_TREATMENT' else 'WAITING' end, true, now(), now()
                        from generate_series(1, :n) i""")
                .bind("run", run).bind("region", region).bind("n", clients * 31 * 10 / 9).then().block();
        db.sql("""
                        insert into capacity_line (capacity_line_id, region, provider_agb, provider_type, postcode_area,
                            diagnosis_groups, care_level, places_total, places_left, available_from, places_freed_at,
                            recorded_at, announced, state)
                        select :run || '-line-' || i, :region, '09' || lpad(i::text, 6, '0'), 'GGZ_INSTITUTION', '13',
                            'ANXIETY', 'SPECIALIST', 2, 0, date '2026-01-01', now(), now(), true, 'FULL'
                        from generate_series(1, 40) i""")
                .bind("run", run).bind("region", region).then().block();
        db.sql("analyze waiting_client").then().block();
        Instant since = Instant.now().minus(Duration.ofDays(30));
        int candidates = tx.transactional(snapshots.read(region, since)).block().clients().size();
        figures.put("region_candidates", String.valueOf(candidates));

        // warm-up: JIT, pools, plans; then each measured in turn
        measure("warmup_round", region, 30, () -> rounds.runRegion(region).block());
        measure("round", region, times, () -> rounds.runRegion(region).block());
        measure("region_read", region, times, () -> tx.transactional(snapshots.read(region, since)).block());
        measure("peer_full_read", region, times, () -> tx.transactional(readModel.clients(region).collectList()).block());
        assertThat(tx.transactional(snapshots.read(region, since)).block().clients())
                .as("every new referral is a candidate").hasSize(candidates + referrals);
        figures.put("uptime_after", uptime());
        figures.forEach((key, value) -> System.out.println("bench " + key + "=" + value));
    }

    /** {@code times} times: one new referral in the region, then {@code step}, timed; with what it read. */
    private void measure(String name, String region, int times, Supplier<?> step) {
        long[] nanos = new long[times];
        double decodedBefore = decoded(region);
        long[] tuplesBefore = tuplesRead();
        for (int i = 0; i < times; i++) {
            newReferral(region);
            long start = System.nanoTime();
            step.get();
            nanos[i] = System.nanoTime() - start;
        }
        long[] tuplesAfter = tuplesRead();
        Arrays.sort(nanos);
        figures.put(name + "_p50_ms", ms(nanos[times / 2]));
        figures.put(name + "_p90_ms", ms(nanos[(int) (times * 0.9)]));
        figures.put(name + "_p99_ms", ms(nanos[Math.min(times - 1, (int) (times * 0.99))]));
        figures.put(name + "_waiting_client_tuples_read_per_step", String.format("%.1f",
                (tuplesAfter[0] - tuplesBefore[0]) / (double) times));
        figures.put(name + "_waiting_client_seq_scans_per_step", String.format("%.2f",
                (tuplesAfter[1] - tuplesBefore[1]) / (double) times));
        double decoded = decoded(region) - decodedBefore;
        figures.put(name + "_candidate_rows_decoded_per_step", Double.isNaN(decoded) ? "n/a (no counter: a full read)"
                : String.format("%.1f", decoded / times));
    }

    private void newReferral(String region) {
        referrals++;
        db.sql("""
                        insert into waiting_client (referral_id, region, client_pseudonym, referrer_agb, has_referral,
                            postcode_area, age_band, diagnosis_group, care_level, urgency, insurer_uzovi, registered_on,
                            entry_version, stage, screening_consent, recorded_at, updated_at)
                        values (:id, :region, :person, '01000001', true, '13', '30-39', 'ANXIETY', 'SPECIALIST', 'REGULAR',
                            '3311', date '2026-12-01', 1, 'WAITING', true, now(), now())""")
                .bind("id", "new-" + UUID.randomUUID()).bind("region", region).bind("person", "new-" + UUID.randomUUID())
                .then().block();
    }

    /** Candidate rows the service decoded for the region so far (NaN where it has no such counter). */
    private double decoded(String region) {
        double total = 0;
        boolean any = false;
        for (Counter counter : meters.find("transfertafel.matching.candidate-rows-read").tag("region", region)
                .counters()) {
            total += counter.count();
            any = true;
        }
        return any ? total : Double.NaN;
    }

    /**
     * waiting_client tuples read (sequential and by index) and sequential scans so far, once the backends have
     * reported them (PostgreSQL flushes a backend's table counters at most once a second, an idle one within 10 s).
     */
    private long[] tuplesRead() {
        Supplier<long[]> read = () -> db.sql("""
                        select coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) as tuples, seq_scan
                        from pg_stat_user_tables where relname = 'waiting_client'""")
                .map(row -> new long[] {row.get("tuples", Long.class), row.get("seq_scan", Long.class)})
                .one().block();
        long[][] last = {read.get()};
        await().pollDelay(Duration.ofSeconds(11)).pollInterval(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    long[] now = read.get();
                    boolean stable = Arrays.equals(now, last[0]);
                    last[0] = now;
                    return stable;
                });
        return last[0];
    }

    private static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    private static String uptime() throws IOException {
        Process process = new ProcessBuilder("uptime").redirectErrorStream(true).start();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
