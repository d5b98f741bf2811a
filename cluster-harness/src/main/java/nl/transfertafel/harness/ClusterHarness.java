package nl.transfertafel.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.transfertafel.harness.cluster.ClusterDescriptor;
import nl.transfertafel.harness.cluster.ClusterLauncher;
import nl.transfertafel.harness.cluster.ProcessControl;
import nl.transfertafel.harness.faults.FaultInjector;
import nl.transfertafel.harness.faults.FaultSchedule;
import nl.transfertafel.harness.figures.HtmlReport;
import nl.transfertafel.harness.figures.Latencies;
import nl.transfertafel.harness.figures.PostgresCeiling;
import nl.transfertafel.harness.invariants.Databases;
import nl.transfertafel.harness.invariants.Expectations;
import nl.transfertafel.harness.invariants.InvariantChecker;
import nl.transfertafel.harness.invariants.InvariantReport;
import nl.transfertafel.harness.invariants.TopicScan;
import nl.transfertafel.harness.load.Api;
import nl.transfertafel.harness.load.Identity;
import nl.transfertafel.harness.load.Ledger;
import nl.transfertafel.harness.load.LoadGenerator;
import nl.transfertafel.harness.load.Tokens;
import nl.transfertafel.harness.load.World;
import nl.transfertafel.harness.webhook.WebhookReceiver;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * One run of the load and fault harness (issue 10): start or attach to the stack, register webhooks,
 * drive the load while the faults are injected, let the stack settle, replay dead letters as an admin
 * would, check the invariants, measure PostgreSQL's ceiling, and print the figures last as key=value.
 */
public final class ClusterHarness {

    /** How often the settle phases look again: two count queries, cheap next to a wasted second per phase. */
    static final Duration SETTLE_POLL = Duration.ofMillis(250);

    /**
     * The short run's cluster (issue 10: "cluster, a burst of load, one kill -9 and one broker stop" within four
     * minutes on two cores): two JVMs of intake-service, the one it kills, so the other takes the load and
     * publishes the dead one's outbox rows; one of every other service. Each JVM costs about 25 s of CPU to
     * start; the full run keeps the cluster's shape (two of intake, transfer-table and notification).
     */
    public static final Map<String, Integer> SHORT_RUN_INSTANCES = Map.of(Databases.INTAKE, 2, Databases.CAPACITY, 1,
            Databases.TRANSFER_TABLE, 1, Databases.NOTIFICATION, 1);

    /** The launcher options of a run: the short run's instances, or the cluster's own shape. */
    public static List<String> launcherOptions(boolean shortMode) {
        return launcherOptions(shortMode, null);
    }

    /** As above; {@code instances} (the launcher's {@code --instances} value) wins when given. */
    static List<String> launcherOptions(boolean shortMode, String instances) {
        if (instances != null) {
            return List.of("--instances", instances);
        }
        if (!shortMode) {
            return List.of();
        }
        return List.of("--instances", SHORT_RUN_INSTANCES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
    }

    static final List<String> SERVICES = List.of(Databases.INTAKE, Databases.CAPACITY, Databases.TRANSFER_TABLE,
            Databases.NOTIFICATION);

    /** What a run found (null from the CPU-per-referral mode); {@code referrals} are the ones answered 201 (who referred, in which region). */
    public record Outcome(InvariantReport invariants, Map<String, String> figures, Path report,
            List<Expectations.AcceptedReferral> referrals) {
    }

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(HarnessOptions.parse(args));
        // the CPU-per-referral mode measures and checks no invariants: no outcome
        System.exit(outcome == null || outcome.invariants().holds() ? 0 : 1);
    }

    public static Outcome run(HarnessOptions options) throws Exception {
        ClusterLauncher launcher = null;
        ClusterDescriptor cluster;
        if (options.attach() != null) {
            cluster = ClusterDescriptor.read(options.attach());
        } else {
            ClusterLauncher.unsupportedReason(options.launcherJar()).ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
            Files.createDirectories(options.out());
            System.out.println("starting the cluster: " + options.launcherJar() + " --cluster --data-dir " + options.dataDir());
            Instant launched = Instant.now();
            launcher = ClusterLauncher.start(options.launcherJar(), options.dataDir().toAbsolutePath(), List.of(),
                    launcherOptions(options.shortMode(), options.cpu().instances()), options.out().toAbsolutePath().resolve("launcher.log"));
            // eleven processes starting on two cores shared with other work: the launcher's own limit is 8 minutes
            cluster = launcher.awaitReady(Duration.ofMinutes(9));
            System.out.println("phase cluster start: " + Duration.between(launched, Instant.now()).toSeconds() + " s");
        }
        try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
            if (options.cpu().on()) {
                CpuPerReferralRun.run(options, cluster, receiver, launcher == null ? null : launcher.pid());
                return null;
            }
            return run(options, cluster, receiver);
        } finally {
            if (launcher != null) {
                launcher.close();
            }
        }
    }

    static Outcome run(HarnessOptions options, ClusterDescriptor cluster, WebhookReceiver receiver) throws Exception {
        ClusterDescriptor.Postgres pg = cluster.postgres();
        Databases databases = service -> DriverManager.getConnection(pg.jdbcUrl(service), pg.user(), pg.password());
        Tokens tokens = new Tokens(cluster.tokenIssuerUrl());
        boolean arbitrary = tokens.mintsArbitraryClaims();
        World world = World.build(options.seed(), arbitrary, options.extraGpsPerRegion());
        List<String> notes = new ArrayList<>();
        if (!arbitrary) {
            notes.add("the token issuer mints demo users only: one region, one GP practice, one provider act");
        }
        Api api = new Api(tokens);
        Map<String, List<String>> urls = new LinkedHashMap<>();
        SERVICES.forEach(s -> urls.put(s, cluster.urls(s)));
        PhaseClock phases = new PhaseClock();
        Instant webhooksSince = Instant.now();
        Set<String> webhookRecipients = registerWebhooks(api, urls, world, receiver);
        System.out.printf("world: %d region(s), %d webhook receivers registered at %s%n",
                world.regions().size(), webhookRecipients.size(), receiver.url());
        if (webhookRecipients.isEmpty() && !world.webhookOwners().isEmpty()) {
            // without a registered receiver the exactly-once webhook invariant would check nothing
            throw new IllegalStateException("no webhook could be registered at the receiver (see the refusal above)");
        }
        phases.done("webhooks");

        Ledger ledger = new Ledger();
        FaultInjector faults = new FaultInjector(cluster, receiver);
        Map<String, Histogram> latencies = new LinkedHashMap<>();
        Instant steadyFrom;
        Instant steadyTo;
        int saturationFromIndex;
        int steadyFromIndex;
        int steadyToIndex;
        Map<Integer, Double> ramp = Map.of();
        try (LoadGenerator load = new LoadGenerator(world, api, ledger, urls)) {
            load.startScreening();
            if (options.shortMode()) {
                FaultSchedule schedule = FaultSchedule.quick();
                steadyFrom = Instant.now();
                steadyFromIndex = ledger.referralCount();
                faults.start(schedule);
                load.run(10, 2, schedule.length().plusSeconds(5));
                steadyTo = Instant.now();
                steadyToIndex = ledger.referralCount();
                saturationFromIndex = 0;
            } else {
                if (options.warmupSeconds() > 0) {
                    // the same load, not measured: p1 and the steady lag are figures of a running system, not of its start
                    System.out.println("phase 0: warm-up at the steady load, " + options.warmupSeconds() + " s (not measured)");
                    load.run(10, 2, Duration.ofSeconds(options.warmupSeconds()));
                }
                System.out.println("phase 1: steady load without faults, " + options.steadySeconds() + " s");
                steadyFrom = Instant.now();
                steadyFromIndex = ledger.referralCount();
                load.run(10, 2, Duration.ofSeconds(options.steadySeconds()));
                steadyTo = Instant.now();
                steadyToIndex = ledger.referralCount();
                FaultSchedule schedule = FaultSchedule.full(SERVICES);
                System.out.println("phase 2: steady load with the fault schedule, " + schedule.length().toSeconds() + " s");
                faults.start(schedule);
                load.run(10, 2, schedule.length().plusSeconds(15));
                faults.awaitDone(Duration.ofMinutes(2));
                // the ramp starts on a whole, caught-up stack: the backlog the faults left behind is not part of
                // the saturation figures (ingest_per_s, lag_p99_ms), and every restarted instance serves again (at
                // most 5 minutes of settling: a stack that cannot catch up starts the ramp behind, as the settling lines say)
                faults.awaitRecovered(Duration.ofMinutes(3));
                settle(databases, ledger, Duration.ofMinutes(5));
                System.out.println("phase 3: ramp to saturation " + options.rampRates());
                saturationFromIndex = ledger.referralCount();
                ramp = load.rampToSaturation(options.rampRates(), Duration.ofSeconds(options.rampStepSeconds()), 2);
            }
            faults.awaitDone(Duration.ofMinutes(3));
            phases.done("load and faults");
            System.out.println("load: " + load.counters());
            api.answersByCall().forEach((call, count) -> System.out.println("  answered: " + call + " x" + count));
            api.firstFailures().forEach((call, why) -> System.out.println("  first failure: " + call + ": " + why));
        }

        // the restarted instances serve again: the invariants are checked on a whole cluster
        if (!faults.awaitRecovered(Duration.ofMinutes(3))) {
            notes.add("a restarted service instance did not serve again within 3 minutes (see the fault log)");
        }
        phases.done("restarted instances ready");
        // settle: what was accepted reaches every read model, dead letters are replayed as an admin would
        settle(databases, ledger, Duration.ofMinutes(20));
        phases.done("settle");
        replayDeadLetters(api, urls, world, webhookRecipients);
        TopicScan topics = new TopicScan(cluster.kafkaBootstrap());
        awaitQuiet(databases, topics, webhookRecipients, Duration.ofMinutes(15));
        phases.done("quiet");

        InvariantReport invariants = new InvariantChecker(databases, topics)
                .check(new Expectations(ledger.referrals(), webhookRecipients, receiver.received(), webhooksSince));
        notes.addAll(invariants.notes());
        phases.done("invariant check");

        List<UUID> all = ledger.referrals().stream().map(Expectations.AcceptedReferral::referralId).toList();
        Histogram p1 = Latencies.capacityToProposalMillis(databases, steadyFrom, steadyTo);
        Latencies.P1Hops p1Hops = Latencies.capacityToProposalHops(databases, steadyFrom, steadyTo);
        Histogram lag = Latencies.referralLagMillis(databases,
                all.subList(Math.min(saturationFromIndex, all.size()), all.size()));
        // the same lag under the steady 10/s of phase 1: the peer of the saturated figure, in the same run
        Histogram steadyLag = Latencies.referralLagMillis(databases,
                all.subList(Math.min(steadyFromIndex, all.size()), Math.min(steadyToIndex, all.size())));
        latencies.put("capacity committed -> proposal committed (steady)", p1);
        latencies.put("p1 hop: capacity committed -> its event sent by capacity's relay", p1Hops.relay());
        latencies.put("p1 hop: event sent -> transfer table's consumer began", p1Hops.delivery());
        latencies.put("p1 hop: consumer began -> proposal committed (round)", p1Hops.round());
        latencies.put("referral committed -> transfer table read model", lag);
        latencies.put("referral committed -> transfer table read model (steady)", steadyLag);
        Histogram rest = api.restLatencyMicros();
        Histogram restMillis = new Histogram(3_600_000L, 3);
        for (var v : rest.recordedValues()) {
            restMillis.recordValueWithCount(Math.max(0, v.getValueIteratedTo() / 1000), v.getCountAtValueIteratedTo());
        }
        latencies.put("REST calls (all)", restMillis);

        // the short run measures no ingest (it asserts invariants, not figures): nothing to compare a ceiling with
        PostgresCeiling.Result ceiling = options.shortMode() ? null : PostgresCeiling.measure(pg.maintenanceUrl(),
                pg.user(), pg.password(), 16, Duration.ofSeconds(options.ceilingSeconds()));
        phases.done("postgres ceiling");
        double ingest = options.shortMode() ? 0 : ramp.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);

        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("p1_p50_ms", Long.toString(p1.getValueAtPercentile(50)));
        figures.put("p1_p99_ms", Long.toString(p1.getValueAtPercentile(99)));
        figures.put("p1_samples", Long.toString(p1.getTotalCount()));
        // where p1 goes (diagnostic, not a target): the relay, Kafka to the consumer, the round
        figures.put("p1_relay_p50_ms", Long.toString(p1Hops.relay().getValueAtPercentile(50)));
        figures.put("p1_relay_p99_ms", Long.toString(p1Hops.relay().getValueAtPercentile(99)));
        figures.put("p1_delivery_p50_ms", Long.toString(p1Hops.delivery().getValueAtPercentile(50)));
        figures.put("p1_delivery_p99_ms", Long.toString(p1Hops.delivery().getValueAtPercentile(99)));
        figures.put("p1_round_p50_ms", Long.toString(p1Hops.round().getValueAtPercentile(50)));
        figures.put("p1_round_p99_ms", Long.toString(p1Hops.round().getValueAtPercentile(99)));
        figures.put("p1_hops_samples", Long.toString(p1Hops.round().getTotalCount()));
        figures.put("rest_p99_ms", Long.toString(restMillis.getValueAtPercentile(99)));
        figures.put("lag_p99_ms", Long.toString(lag.getValueAtPercentile(99)));
        figures.put("lag_samples", Long.toString(lag.getTotalCount()));
        figures.put("lag_steady_p99_ms", Long.toString(steadyLag.getValueAtPercentile(99)));
        figures.put("lag_steady_samples", Long.toString(steadyLag.getTotalCount()));
        figures.put("ingest_per_s", String.format("%.1f", ingest));
        if (ceiling != null) {
            figures.put("pg_ceiling_per_s", String.format("%.0f", ceiling.transactionsPerSecond()));
            figures.put("pg_fsync", ceiling.fsync());
            figures.put("pg_synchronous_commit", ceiling.synchronousCommit());
            figures.put("ingest_ratio", String.format("%.3f", ceiling.transactionsPerSecond() == 0 ? 0
                    : ingest / ceiling.transactionsPerSecond()));
        } else {
            notes.add("short run: no ramp to saturation, so no ingest_per_s, pg_ceiling_per_s or ingest_ratio");
        }
        figures.put("rss_mib_total", Long.toString(rssMibTotal(cluster)));
        figures.put("faults_injected", Integer.toString(faults.injected()));
        invariants.asFigures().forEach((k, v) -> figures.put(k, Long.toString(v)));
        figures.put("referrals_accepted", Integer.toString(ledger.referralCount()));
        figures.put("webhook_deliveries_received", Long.toString(receiver.total()));
        figures.put("loadavg", loadAverage());
        phases.seconds().forEach((phase, seconds) -> figures.put("phase_" + phase.replace(' ', '_') + "_s", seconds));
        ramp.forEach((rate, achieved) -> figures.put("ramp_" + rate + "_per_s", String.format("%.1f", achieved)));

        Path report = HtmlReport.write(options.out().resolve("report"), figures, latencies, faults.log(),
                InvariantChecker.allExamples(invariants), notes);
        System.out.println();
        System.out.print(invariants);
        System.out.println("faults: " + faults.log().size() + " log line(s); report: " + report.toAbsolutePath());
        notes.forEach(n -> System.out.println("note: " + n));
        System.out.println("--- figures");
        figures.forEach((k, v) -> System.out.println(k + "=" + v));
        return new Outcome(invariants, figures, report, ledger.referrals());
    }

    /** A Standard Webhooks secret (whsec_ + base64 of 32 bytes), as notification-service requires. */
    static final String WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("transfertafel-harness-webhooks!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /**
     * Every webhook owner points its webhook at the receiver and subscribes every event type to it: a few
     * owners at a time (each owner's two calls in order), as many organisations' systems would.
     */
    static Set<String> registerWebhooks(Api api, Map<String, List<String>> urls, World world, WebhookReceiver receiver) {
        Set<String> registered = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        List<String> notification = urls.get(Databases.NOTIFICATION);
        java.util.concurrent.atomic.AtomicBoolean refusalShown = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<?>> owners = new ArrayList<>();
            for (Identity owner : world.webhookOwners()) {
                owners.add(pool.submit(() -> {
                    if (registerWebhook(api, notification, owner, receiver, refusalShown)) {
                        registered.add(owner.organisation());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> owner : owners) {
                owner.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering webhooks", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("registering a webhook failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return registered;
    }

    private static boolean registerWebhook(Api api, List<String> notification, Identity owner, WebhookReceiver receiver,
            java.util.concurrent.atomic.AtomicBoolean refusalShown) {
        Api.Answer webhook = api.put(notification, "/api/v1/subscriptions/webhook", owner,
                Map.of("url", receiver.url(), "secret", WEBHOOK_SECRET));
        if (!webhook.ok()) {
            if (refusalShown.compareAndSet(false, true)) {
                // say why once: e.g. a notification-service that refuses http to localhost
                // (TRANSFERTAFEL_WEBHOOK_ALLOW_LOCALHOST=true is needed for a receiver on this machine)
                System.out.println("webhook registration for " + owner.organisation() + " refused: HTTP "
                        + webhook.status() + " " + webhook.body().path("detail").asText("")
                        + " " + webhook.body().path("errors").toString());
            }
            return false;
        }
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (JsonNode s : webhook.body().path("subscriptions")) {
            subscriptions.add(Map.of("eventType", s.path("eventType").asText(), "channels", List.of("INBOX", "WEBHOOK")));
        }
        return !subscriptions.isEmpty() && api.put(notification, "/api/v1/subscriptions", owner,
                Map.of("subscriptions", subscriptions)).ok();
    }

    /**
     * Waits until every accepted referral is in the transfer table and every outbox is empty, for as
     * long as the stack makes progress (a lagging stack is not a losing one): gives up after two
     * minutes without progress, or at the hard limit.
     */
    static void settle(Databases databases, Ledger ledger, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        List<String> ids = ledger.referrals().stream().map(r -> r.referralId().toString()).toList();
        long lastProgress = System.nanoTime();
        long lastState = -1;
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < Duration.ofMinutes(2).toNanos()) {
            long backlog = unsentOutboxRows(databases);
            long present;
            try (Connection c = databases.connect(Databases.TRANSFER_TABLE);
                    PreparedStatement q = c.prepareStatement(
                            "select count(*) from waiting_client where has_referral and referral_id = any(?)")) {
                q.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    present = rs.getLong(1);
                }
            }
            if (backlog == 0 && present == ids.size()) {
                return;
            }
            long state = present * 1_000_003L - backlog;
            if (state != lastState) {
                lastState = state;
                lastProgress = System.nanoTime();
                System.out.printf("settling: %d of %d referrals in the transfer table, %d outbox row(s) unsent%n",
                        present, ids.size(), backlog);
            }
            Thread.sleep(SETTLE_POLL.toMillis());
        }
    }

    static void replayDeadLetters(Api api, Map<String, List<String>> urls, World world, Set<String> webhookRecipients) {
        for (String service : SERVICES) {
            api.post(urls.get(service), "/api/v1/admin/dead-letters/replay", world.admin(), Map.of());
        }
        for (String organisation : webhookRecipients) {
            api.post(urls.get(Databases.NOTIFICATION), "/api/v1/dead-letters/replay?organisation=" + organisation,
                    world.admin(), Map.of());
        }
    }

    /**
     * Waits until the stack is quiet before the check reads it: no outbox row unsent, no consumer group
     * behind on the event topics, no webhook delivery pending, twice in a row (hard limit atMost; gives up
     * after 2 minutes without progress). Waiting for the webhook deliveries alone was not enough: the
     * full run of 2026-12-06 checked while notification-service was still consuming, so deliveries it
     * made and sent during the check counted as lost (34), and 582 were still pending.
     */
    static void awaitQuiet(Databases databases, TopicScan topics, Set<String> recipients, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long lastProgress = System.nanoTime();
        long lastState = -1;
        int quietPolls = 0;
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < Duration.ofMinutes(2).toNanos()) {
            long backlog = unsentOutboxRows(databases);
            long lag = topics.consumerLag(SERVICES);
            long pending = pendingDeliveries(databases, recipients);
            if (backlog == 0 && lag == 0 && pending == 0) {
                if (++quietPolls >= 2) {
                    return;
                }
            } else {
                quietPolls = 0;
            }
            long state = backlog * 1_000_003L * 1_000_003L + lag * 1_000_003L + pending;
            if (state != lastState) {
                lastState = state;
                lastProgress = System.nanoTime();
                System.out.printf("quieting: %d outbox row(s) unsent, consumer lag %d, %d webhook deliveries pending%n",
                        backlog, lag, pending);
            }
            Thread.sleep(SETTLE_POLL.toMillis());
        }
        System.out.println("quieting: gave up waiting; the check reads a stack that is still working");
    }

    /** How long each phase of a run took, in the order they ran (figures {@code phase_<name>_s}). */
    static final class PhaseClock {
        private final Map<String, Duration> took = new LinkedHashMap<>();
        private Instant since = Instant.now();

        void done(String phase) {
            Instant now = Instant.now();
            took.put(phase, Duration.between(since, now));
            System.out.printf("phase %s: %.1f s%n", phase, took.get(phase).toMillis() / 1000.0);
            since = now;
        }

        Map<String, String> seconds() {
            Map<String, String> seconds = new LinkedHashMap<>();
            took.forEach((phase, duration) -> seconds.put(phase, String.format("%.1f", duration.toMillis() / 1000.0)));
            return seconds;
        }
    }

    /** Outbox rows not yet published, over every service. */
    static long unsentOutboxRows(Databases databases) throws Exception {
        long backlog = 0;
        for (String service : SERVICES) {
            try (Connection c = databases.connect(service);
                    PreparedStatement q = c.prepareStatement("select count(*) from outbox where published_at is null");
                    ResultSet rs = q.executeQuery()) {
                rs.next();
                backlog += rs.getLong(1);
            }
        }
        return backlog;
    }

    static long pendingDeliveries(Databases databases, Set<String> recipients) throws Exception {
        if (recipients.isEmpty()) {
            return 0;
        }
        try (Connection c = databases.connect(Databases.NOTIFICATION);
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from delivery where channel = 'WEBHOOK' and status = 'PENDING' and recipient = any(?)")) {
            q.setArray(1, c.createArrayOf("text", recipients.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long rssMibTotal(ClusterDescriptor cluster) {
        List<Long> pids = new ArrayList<>();
        cluster.postgres().pid().ifPresent(pids::add);
        cluster.brokers().forEach(b -> b.pid().ifPresent(pids::add));
        cluster.services().forEach(s -> s.pid().ifPresent(pids::add));
        return pids.stream().distinct().collect(Collectors.summingLong(ProcessControl::residentKib)) / 1024;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
