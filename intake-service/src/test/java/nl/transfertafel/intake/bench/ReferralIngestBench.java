package nl.transfertafel.intake.bench;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Referral ingest, measured (a benchmark, not a test: the name matches neither surefire's nor
 * failsafe's patterns; run it with {@code -Dit.test=ReferralIngestBench}). Posts unique valid
 * referrals over HTTP with 16 in flight against intake-service on the real engines, then prints
 * referrals/s, latency percentiles and what PostgreSQL did per referral (statements by table,
 * sequential scans), as {@code key=value} lines. Size with {@code -Dbench.referrals=} (default 2000)
 * and {@code -Dbench.concurrency=} (16).
 */
@IntakeIntegrationTest
class ReferralIngestBench {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;

    @Test
    void ingest() {
        int referrals = Integer.getInteger("bench.referrals", 2000);
        int concurrency = Integer.getInteger("bench.concurrency", 16);
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
        List<String> tokens = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Actors.gp(TestData.agb(String.format("%02d", 10 + i)))).toList();
        String provider = TestData.agb("22");

        run(client, tokens, provider, 200, concurrency); // warm-up: JIT, pools, plans
        Map<String, long[]> before = tableCounters();
        long start = System.nanoTime();
        long[] latencies = run(client, tokens, provider, referrals, concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, long[]> after = awaitTableCounters(before, referrals);

        java.util.Arrays.sort(latencies);
        System.out.printf("ingest_referrals=%d%ningest_concurrency=%d%ningest_seconds=%.2f%ningest_per_s=%.1f%n",
                referrals, concurrency, seconds, referrals / seconds);
        System.out.printf("ingest_p50_ms=%.1f%ningest_p99_ms=%.1f%n", latencies[latencies.length / 2] / 1e6,
                latencies[(int) (latencies.length * 0.99)] / 1e6);
        after.forEach((table, now) -> {
            long[] was = before.getOrDefault(table, new long[now.length]);
            System.out.printf("pg_%s_per_referral inserts=%.2f updates=%.2f seq_scans=%.2f seq_rows=%.1f idx_scans=%.2f%n",
                    table, (now[0] - was[0]) / (double) referrals, (now[1] - was[1]) / (double) referrals,
                    (now[2] - was[2]) / (double) referrals, (now[3] - was[3]) / (double) referrals,
                    (now[4] - was[4]) / (double) referrals);
        });
        assertThat(latencies).hasSize(referrals);
    }

    private long[] run(WebClient client, List<String> tokens, String provider, int n, int concurrency) {
        long[] latencies = new long[n];
        AtomicInteger failed = new AtomicInteger();
        Flux.range(0, n).flatMap(i -> {
            long t0 = System.nanoTime();
            String body = (i % 3 == 0 ? aReferral() : aReferral().to(provider)).json();
            return client.post().uri("/api/v1/referrals").headers(h -> h.setBearerAuth(tokens.get(i % tokens.size())))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value()))
                    .doOnNext(status -> {
                        latencies[i] = System.nanoTime() - t0;
                        if (status != 201) {
                            failed.incrementAndGet();
                        }
                    });
        }, concurrency).blockLast(Duration.ofMinutes(30));
        assertThat(failed).as("referrals not answered 201").hasValue(0);
        return latencies;
    }

    /** Statistics reach pg_stat_user_tables when a backend flushes them (at most a second or so late). */
    private Map<String, long[]> awaitTableCounters(Map<String, long[]> before, int referrals) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, long[]> now = tableCounters();
        while (System.nanoTime() < deadline
                && now.get("referral")[0] - before.getOrDefault("referral", new long[5])[0] < referrals) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            now = tableCounters();
        }
        return now;
    }

    private Map<String, long[]> tableCounters() {
        Map<String, long[]> counters = new LinkedHashMap<>();
        db.sql("select relname, n_tup_ins, n_tup_upd, seq_scan, seq_tup_read, coalesce(idx_scan, 0) as idx_scan"
                        + " from pg_stat_user_tables order by relname")
                .map(row -> Map.entry(row.get("relname", String.class), new long[] {
                        row.get("n_tup_ins", Long.class), row.get("n_tup_upd", Long.class),
                        row.get("seq_scan", Long.class), row.get("seq_tup_read", Long.class),
                        row.get("idx_scan", Long.class)}))
                .all().doOnNext(e -> counters.put(e.getKey(), e.getValue())).blockLast();
        return counters;
    }
}
