package nl.transfertafel.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.transfertafel.harness.cluster.ClusterDescriptor;
import nl.transfertafel.harness.cpu.Jfr;
import nl.transfertafel.harness.cpu.PostgresCounters;
import nl.transfertafel.harness.cpu.ProcessCpu;
import nl.transfertafel.harness.invariants.Databases;
import nl.transfertafel.harness.invariants.TopicScan;
import nl.transfertafel.harness.load.Api;
import nl.transfertafel.harness.load.Ledger;
import nl.transfertafel.harness.load.LoadGenerator;
import nl.transfertafel.harness.load.Tokens;
import nl.transfertafel.harness.load.World;
import nl.transfertafel.harness.webhook.WebhookReceiver;

/**
 * The harness's CPU-per-referral mode ({@code bench/cluster.sh --cpu-per-referral 10,30}): drives unique
 * valid referrals, and nothing else, at fixed rates through intake's public API against a running stack,
 * waits after each phase until every referral reached the transfer table's read model and every outbox,
 * consumer group and webhook delivery is idle, and divides the CPU each process consumed in that window
 * ({@code /proc/<pid>/stat}, user + system) by the referrals accepted: "CPU ms per referral per process".
 * The idle cost of each process (polling jobs, relays, broker housekeeping), measured first over
 * {@code --cpu-idle-seconds}, is also subtracted once ({@code _net}). PostgreSQL's own counters per
 * referral and database (commits, rows written, sequential scans per table, pg_stat_statements when
 * loaded) are printed with them. With {@code --jfr DIR} one more phase at the last rate runs with a Java
 * Flight Recording (settings=profile) in every JVM of the stack, written to DIR.
 */
final class CpuPerReferralRun {

    private CpuPerReferralRun() {
    }

    /** A process whose CPU is measured: a label and how to read its CPU milliseconds so far. */
    record Measured(String label, long pid, Supplier<Optional<Long>> millis, boolean jvm) {
    }

    static void run(HarnessOptions options, ClusterDescriptor cluster, WebhookReceiver receiver, Long launcherPid)
            throws Exception {
        ClusterDescriptor.Postgres pg = cluster.postgres();
        Databases databases = service -> DriverManager.getConnection(pg.jdbcUrl(service), pg.user(), pg.password());
        Tokens tokens = new Tokens(cluster.tokenIssuerUrl());
        World world = World.build(options.seed(), tokens.mintsArbitraryClaims(), options.extraGpsPerRegion());
        Api api = new Api(tokens);
        Map<String, List<String>> urls = new LinkedHashMap<>();
        ClusterHarness.SERVICES.forEach(s -> urls.put(s, cluster.urls(s)));
        Set<String> recipients = ClusterHarness.registerWebhooks(api, urls, world, receiver);
        System.out.printf("world: %d region(s), %d webhook receivers registered%n", world.regions().size(), recipients.size());

        List<Measured> processes = processes(cluster, launcherPid);
        PostgresCounters counters = new PostgresCounters(databases, ClusterHarness.SERVICES, pg.maintenanceUrl(),
                pg.user(), pg.password());
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("cpu_processes", Integer.toString(processes.size()));
        figures.put("pg_stat_statements", Boolean.toString(counters.statementsAvailable()));
        Ledger ledger = new Ledger();
        try (LoadGenerator load = new LoadGenerator(world, api, ledger, urls);
                Quiet quiet = new Quiet(databases, cluster.kafkaBootstrap(), recipients)) {
            // warm-up: the first requests load classes, fill pools and caches; not what a referral costs
            System.out.println("warm-up: 5 referrals/s for " + options.cpu().warmupSeconds() + " s");
            load.run(5, 0, Duration.ofSeconds(options.cpu().warmupSeconds()));
            quiet.await(ledger);

            System.out.println("idle: " + options.cpu().idleSeconds() + " s without load");
            Map<String, Long> idleBefore = sample(processes);
            long idleFrom = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(options.cpu().idleSeconds()).toMillis());
            Map<String, Long> idleCost = minus(sample(processes), idleBefore);
            double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;
            Map<String, Double> idlePerSecond = new LinkedHashMap<>();
            idleCost.forEach((label, ms) -> idlePerSecond.put(label, ms / idleSeconds));
            idlePerSecond.forEach((label, ms) -> figures.put("idle_cpu_ms_per_s_" + label, String.format("%.1f", ms)));
            figures.put("idle_cpu_ms_per_s_total", String.format("%.1f", stackTotal(idlePerSecond)));

            List<Integer> rates = new ArrayList<>(options.cpu().rates());
            for (int i = 0; i < rates.size() + (options.cpu().jfrDir() != null ? 1 : 0); i++) {
                boolean profiled = i == rates.size();
                int rate = profiled ? rates.get(rates.size() - 1) : rates.get(i);
                String prefix = (profiled ? "jfr_rate" : "rate") + rate + "_";
                System.out.printf("phase: %d referrals/s for %d s%s%n", rate, options.cpu().seconds(),
                        profiled ? " with Java Flight Recordings" : "");
                if (profiled) {
                    Files.createDirectories(options.cpu().jfrDir());
                    processes.stream().filter(Measured::jvm).forEach(p -> Jfr.start(p.pid(),
                            options.cpu().jfrDir().resolve(p.label().replace('#', '-') + ".jfr")));
                }
                int referralsBefore = ledger.referralCount();
                PostgresCounters.Snapshot pgBefore = counters.read();
                Map<String, Long> before = sample(processes);
                long from = System.nanoTime();
                double achieved = load.run(rate, 0, Duration.ofSeconds(options.cpu().seconds()));
                quiet.await(ledger);
                double window = (System.nanoTime() - from) / 1e9;
                Map<String, Long> cost = minus(sample(processes), before);
                if (profiled) {
                    processes.stream().filter(Measured::jvm).forEach(p -> Jfr.stop(p.pid()));
                }
                Thread.sleep(1_000); // PostgreSQL's statistics reach the views up to 500 ms after a transaction
                PostgresCounters.Snapshot pgAfter = counters.read();
                int referrals = ledger.referralCount() - referralsBefore;
                figures.put(prefix + "referrals", Integer.toString(referrals));
                figures.put(prefix + "achieved_per_s", String.format("%.1f", achieved));
                figures.put(prefix + "window_s", String.format("%.1f", window));
                if (referrals == 0) {
                    continue;
                }
                Map<String, Double> perReferral = new LinkedHashMap<>();
                Map<String, Double> netPerReferral = new LinkedHashMap<>();
                cost.forEach((label, ms) -> {
                    perReferral.put(label, ms / (double) referrals);
                    netPerReferral.put(label, (ms - idlePerSecond.getOrDefault(label, 0.0) * window) / referrals);
                });
                perReferral.forEach((label, ms) -> figures.put(prefix + "cpu_ms_per_referral_" + label, String.format("%.1f", ms)));
                netPerReferral.forEach((label, ms) -> figures.put(prefix + "cpu_ms_per_referral_net_" + label, String.format("%.1f", ms)));
                figures.put(prefix + "cpu_ms_per_referral_total", String.format("%.1f", stackTotal(perReferral)));
                figures.put(prefix + "cpu_ms_per_referral_net_total", String.format("%.1f", stackTotal(netPerReferral)));
                postgresFigures(prefix, pgAfter.minus(pgBefore), referrals, figures);
                List<PostgresCounters.StatementCalls> statements = pgAfter.statementsSince(pgBefore);
                if (!statements.isEmpty()) {
                    System.out.println("statements of " + prefix + "phase, per referral (pg_stat_statements, most calls first):");
                    statements.stream().limit(40).forEach(s -> System.out.printf("  %-24s calls %6.2f  exec ms %6.3f  rows/call %5.1f  %s%n",
                            s.database(), s.calls() / (double) referrals, s.totalMillis() / referrals,
                            s.rows() / (double) s.calls(), oneLine(s.query())));
                }
            }
        }
        figures.put("loadavg", ClusterHarness.loadAverage());
        System.out.println("--- figures");
        figures.forEach((k, v) -> System.out.println(k + "=" + v));
        if (options.out() != null) {
            Files.createDirectories(options.out());
            StringBuilder text = new StringBuilder();
            figures.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            Files.writeString(options.out().resolve("cpu-per-referral.txt"), text);
        }
    }

    /** The stack's processes (the harness itself is measured but not counted in the totals). */
    static List<Measured> processes(ClusterDescriptor cluster, Long launcherPid) {
        List<Measured> processes = new ArrayList<>();
        cluster.services().forEach(s -> s.pid().ifPresent(pid ->
                processes.add(new Measured(s.label(), pid, () -> ProcessCpu.millis(pid), true))));
        cluster.brokers().forEach(b -> b.pid().ifPresent(pid ->
                processes.add(new Measured(b.label(), pid, () -> ProcessCpu.millis(pid), true))));
        cluster.postgres().pid().ifPresent(pid ->
                processes.add(new Measured("postgres", pid, () -> ProcessCpu.treeMillis(pid), false)));
        if (launcherPid != null) {
            // the launcher JVM also runs the token issuer
            processes.add(new Measured("launcher", launcherPid, () -> ProcessCpu.millis(launcherPid), true));
        }
        long self = ProcessHandle.current().pid();
        processes.add(new Measured("harness", self, () -> ProcessCpu.millis(self), false));
        return processes;
    }

    static double stackTotal(Map<String, Double> byProcess) {
        return byProcess.entrySet().stream().filter(e -> !e.getKey().equals("harness"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    static Map<String, Long> sample(List<Measured> processes) {
        Map<String, Long> millis = new LinkedHashMap<>();
        processes.forEach(p -> millis.put(p.label(), p.millis().get().orElse(0L)));
        return millis;
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((label, ms) -> delta.put(label, Math.max(0, ms - before.getOrDefault(label, 0L))));
        return delta;
    }

    /** Per database: commits and rows written per referral; per table: sequential scans and the rows they read. */
    static void postgresFigures(String prefix, Map<String, Long> delta, int referrals, Map<String, String> figures) {
        for (String service : ClusterHarness.SERVICES) {
            for (String counter : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted",
                    "tup_returned", "tup_fetched")) {
                figures.put(prefix + "pg_" + counter + "_per_referral_" + service,
                        String.format("%.2f", delta.getOrDefault(service + "." + counter, 0L) / (double) referrals));
            }
        }
        delta.forEach((key, value) -> {
            if (key.endsWith(".seq_scan") && value > 0) {
                String table = key.substring(0, key.length() - ".seq_scan".length());
                figures.put(prefix + "pg_seq_scans_per_referral_" + table, String.format("%.2f", value / (double) referrals));
                figures.put(prefix + "pg_seq_rows_read_per_referral_" + table, String.format("%.1f",
                        delta.getOrDefault(table + ".seq_tup_read", 0L) / (double) referrals));
            }
        });
    }

    static String oneLine(String query) {
        String line = query.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    /**
     * Waits until the work the referrals caused is done: all of them in the transfer table's read model,
     * every outbox sent, no webhook delivery pending, then no consumer group behind. One connection per
     * database for the whole run (a new connection each poll would fork a PostgreSQL backend each time
     * and add to the CPU being measured).
     */
    static final class Quiet implements AutoCloseable {
        private final Map<String, Connection> connections = new LinkedHashMap<>();
        private final TopicScan topics;
        private final Set<String> recipients;

        Quiet(Databases databases, String kafkaBootstrap, Set<String> recipients) throws Exception {
            for (String service : ClusterHarness.SERVICES) {
                connections.put(service, databases.connect(service));
            }
            this.topics = new TopicScan(kafkaBootstrap);
            this.recipients = recipients;
        }

        void await(Ledger ledger) throws Exception {
            List<String> ids = ledger.referrals().stream().map(r -> r.referralId().toString()).toList();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (present(ids) == ids.size() && unsent() == 0 && pending() == 0
                        && topics.consumerLag(ClusterHarness.SERVICES) == 0 && unsent() == 0) {
                    return;
                }
                Thread.sleep(500);
            }
            System.out.println("quiet: gave up after 10 minutes; the figures include a stack still working");
        }

        private long present(List<String> ids) throws Exception {
            try (PreparedStatement q = connections.get(Databases.TRANSFER_TABLE).prepareStatement(
                    "select count(*) from waiting_client where has_referral and referral_id = any(?)")) {
                q.setArray(1, connections.get(Databases.TRANSFER_TABLE).createArrayOf("text", ids.toArray()));
                return single(q);
            }
        }

        private long unsent() throws Exception {
            long unsent = 0;
            for (Connection c : connections.values()) {
                try (PreparedStatement q = c.prepareStatement("select count(*) from outbox where published_at is null")) {
                    unsent += single(q);
                }
            }
            return unsent;
        }

        private long pending() throws Exception {
            Connection c = connections.get(Databases.NOTIFICATION);
            try (PreparedStatement q = c.prepareStatement(
                    "select count(*) from delivery where status = 'PENDING' and recipient = any(?)")) {
                q.setArray(1, c.createArrayOf("text", recipients.toArray()));
                return single(q);
            }
        }

        private static long single(PreparedStatement q) throws Exception {
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() throws Exception {
            for (Connection c : connections.values()) {
                c.close();
            }
        }
    }

}
