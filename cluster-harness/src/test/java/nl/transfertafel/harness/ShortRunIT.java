package nl.transfertafel.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.harness.cluster.ClusterDescriptor;
import nl.transfertafel.harness.cluster.ClusterLauncher;
import nl.transfertafel.harness.cluster.ProcessControl;
import nl.transfertafel.harness.invariants.Expectations;
import nl.transfertafel.harness.load.Api;
import nl.transfertafel.harness.load.Identity;
import nl.transfertafel.harness.load.Tokens;
import nl.transfertafel.harness.webhook.WebhookReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/cluster.sh --short} as part of {@code ./mvnw verify}, and the one test in the suite that starts
 * the cluster mode of local-stack ({@code --cluster --fresh --random-ports}, as a harness starts it, with the
 * short run's {@code --instances}): every part is its own process (PostgreSQL, three Kafka nodes, five service
 * JVMs: two of intake-service, one of each other), the topics are 32 partitions times three replicas with
 * {@code min.insync.replicas=2}, the whole cluster stays under 6 GiB resident; then a burst of load with one
 * kill -9 of one intake instance (restarted from its {@code cluster.json} argv, and it serves again) and one
 * broker stop, the invariant check; and SIGTERM stops every pid in the file, services before Kafka before
 * PostgreSQL. Asserts the invariants, never the timings. Skipped, with the reason, while the launcher jar has
 * no cluster mode. The cluster's default shape (two of intake, transfer-table and notification) is run by
 * the full {@code bench/cluster.sh}; local-stack's {@code LaunchOptionsTest} pins it.
 */
class ShortRunIT {

    private static final long SIX_GIB_IN_MIB = 6 * 1024;
    private static final List<String> EVENT_TOPICS = List.of(Topics.INTAKE_REFERRAL_EVENTS, Topics.INTAKE_WAITING_EVENTS,
            Topics.CAPACITY_EVENTS, Topics.TRANSFER_EVENTS, Topics.NOTIFICATION_EVENTS);

    @Test
    void the_cluster_keeps_every_invariant_through_a_kill_and_a_broker_stop_and_stops_in_order() throws Exception {
        Path jar = Path.of(System.getProperty("harness.launcherJar", "../local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar"));
        Optional<String> unsupported = ClusterLauncher.unsupportedReason(jar);
        Assumptions.assumeTrue(unsupported.isEmpty(), () -> "short cluster run skipped: " + unsupported.get());
        Path work = Path.of(System.getProperty("harness.workDir", "target/short-run")).toAbsolutePath();
        Path dataDir = work.resolve("data");
        Path launcherLog = work.resolve("launcher.log");
        Files.deleteIfExists(launcherLog);
        HarnessOptions options = new HarnessOptions(true, null, jar, dataDir, work, 20261122L, 0, List.of(), 0, 10, 10);

        List<Long> pids = new ArrayList<>();
        long started = System.nanoTime();
        ClusterLauncher launcher = ClusterLauncher.start(jar, dataDir, List.of(), ClusterHarness.launcherOptions(true),
                launcherLog);
        int serviceJvms = ClusterHarness.SHORT_RUN_INSTANCES.values().stream().mapToInt(Integer::intValue).sum();
        try {
            ClusterDescriptor cluster = launcher.awaitReady(Duration.ofMinutes(9));
            System.out.println("phase cluster start: " + seconds(started) + " s");

            // every part is a process of its own
            Map<String, Long> instances = cluster.services().stream()
                    .collect(Collectors.groupingBy(ClusterDescriptor.Managed::name, Collectors.counting()));
            assertThat(instances).containsExactlyInAnyOrderEntriesOf(Map.of("intake-service", 2L, "capacity-service", 1L,
                    "transfer-table-service", 1L, "notification-service", 1L));
            cluster.services().forEach(s -> pids.add(s.pid().orElseThrow()));
            cluster.brokers().forEach(b -> pids.add(b.pid().orElseThrow()));
            pids.add(cluster.postgres().pid().orElseThrow());
            assertThat(pids).hasSize(serviceJvms + 4).doesNotHaveDuplicates().doesNotContain(launcher.pid()).allMatch(ProcessControl::alive);
            assertThat(cluster.services()).allMatch(s -> s.argv().toString().contains("-exec.jar"));
            assertKafkaCluster(cluster.kafkaBootstrap());
            long residentMib = (ProcessControl.residentKib(launcher.pid()) + pids.stream()
                    .filter(pid -> !isDescendant(launcher.pid(), pid)).mapToLong(ProcessControl::residentKib).sum()) / 1024;
            System.out.println("cluster resident: " + residentMib + " MiB (launcher, services, Kafka nodes, PostgreSQL)");
            assertThat(residentMib).isLessThan(SIX_GIB_IN_MIB);
            ClusterDescriptor.Managed victim = cluster.services().stream()
                    .filter(s -> s.name().equals("intake-service") && s.instance() == 1).findFirst().orElseThrow();

            // the short run: a burst of load, one kill -9 of intake-service #1, one broker stop, the invariants
            ClusterHarness.Outcome outcome;
            try (WebhookReceiver receiver = WebhookReceiver.start(0)) {
                outcome = ClusterHarness.run(options, cluster, receiver);
            }
            assertThat(outcome.invariants().holds()).as(outcome.invariants().toString()).isTrue();
            assertThat(outcome.figures().get("faults_injected")).as("one kill -9 and one broker stop").isEqualTo("2");
            assertThat(outcome.referrals()).isNotEmpty();
            // p1's hops are found through capacity's outbox and the table's processed events (the figures, not timings)
            if (Long.parseLong(outcome.figures().get("p1_samples")) > 0) {
                assertThat(Long.parseLong(outcome.figures().get("p1_hops_samples"))).as("p1 split into its hops").isPositive();
            }

            // the killed instance came back from argv/env/workdir as a new process and serves the API again
            ClusterDescriptor rewritten = ClusterDescriptor.read(cluster.file());
            ClusterDescriptor.Managed restarted = rewritten.services().stream()
                    .filter(s -> s.label().equals(victim.label())).findFirst().orElseThrow();
            assertThat(restarted.pid()).isPresent().isNotEqualTo(victim.pid());
            assertThat(ProcessControl.alive(victim.pid().orElseThrow())).isFalse();
            assertThat(ProcessControl.alive(restarted.pid().orElseThrow())).isTrue();
            assertThat(readiness(restarted.url())).as(restarted.label() + " readiness after its restart").isEqualTo(200);
            Expectations.AcceptedReferral referral = outcome.referrals().get(outcome.referrals().size() - 1);
            Api.Answer worklist = new Api(new Tokens(rewritten.tokenIssuerUrl())).get(List.of(restarted.url()),
                    "/api/v1/referrals/" + referral.referralId(),
                    Identity.of("short-run-gp", "GP", referral.gpAgb(), referral.region()));
            assertThat(worklist.status()).as("the restarted instance reads a referral of the run: " + worklist.body())
                    .isEqualTo(200);
            pids.clear();
            rewritten.services().forEach(s -> pids.add(s.pid().orElseThrow()));
            rewritten.brokers().forEach(b -> pids.add(b.pid().orElseThrow()));
            pids.add(rewritten.postgres().pid().orElseThrow());
        } finally {
            // SIGTERM: the launcher stops every pid in cluster.json (the restarted ones included)
            long stopping = System.nanoTime();
            launcher.close();
            System.out.println("phase cluster stop: " + seconds(stopping) + " s; the whole short run: " + seconds(started) + " s");
        }

        assertThat(pids).hasSize(serviceJvms + 4).noneMatch(ProcessControl::alive);
        String output = Files.readString(launcherLog);
        assertThat(output.indexOf("stopping " + serviceJvms + " service JVMs")).as(output).isPositive()
                .isLessThan(output.indexOf("stopping 3 Kafka nodes"));
        assertThat(output.indexOf("stopping 3 Kafka nodes")).as(output).isLessThan(output.indexOf("stopping PostgreSQL"));
        assertThat(output).doesNotContain("did not stop within");
        assertThat(JsonMapper.builder().build().readTree(Files.readString(dataDir.resolve("cluster.json")))
                .path("ready").asBoolean(true)).isFalse();
    }

    private static void assertKafkaCluster(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            Map<String, TopicDescription> topics = admin.describeTopics(EVENT_TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics).hasSize(EVENT_TOPICS.size());
            for (TopicDescription topic : topics.values()) {
                assertThat(topic.partitions()).as(topic.name()).hasSize(32).allMatch(p -> p.replicas().size() == 3);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
                assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                        .get("min.insync.replicas").value()).as(topic.name()).isEqualTo("2");
            }
        }
    }

    private static String seconds(long sinceNanos) {
        return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }

    private static boolean isDescendant(long ancestor, long pid) {
        return ProcessHandle.of(ancestor).map(a -> a.descendants().anyMatch(d -> d.pid() == pid)).orElse(false);
    }

    private static int readiness(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness")).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
