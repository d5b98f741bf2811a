package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ./run-local.sh --cluster}, started as a harness starts it (no terminal, {@code --fresh
 * --no-demo-data}, small heaps): PostgreSQL, three Kafka nodes and seven service JVMs each answer; a referral
 * taken by one intake instance reaches the transfer table's read model; a service killed with {@code kill -9}
 * comes back from the {@code argv}/{@code env}/{@code workdir} in {@code cluster.json} (the harness's way);
 * SIGTERM stops every pid in the file, services before Kafka before PostgreSQL.
 */
class ClusterModeIT {

    private static final long SIX_GIB_IN_MIB = 6 * 1024;

    @Test
    void the_cluster_runs_each_part_as_its_own_process_carries_a_referral_and_stops_in_order() throws Exception {
        Path dataDir = Path.of("target", "it-data", "cluster-" + UUID.randomUUID()).toAbsolutePath();
        Path file = dataDir.resolve("cluster.json");
        Map<String, String> smallHeaps = Map.of("TRANSFERTAFEL_SERVICE_HEAP", "160m", "TRANSFERTAFEL_KAFKA_HEAP", "160m");
        Process restarted = null;
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, "cluster.json", "256m", smallHeaps,
                "--cluster", "--data-dir", dataDir.toString(), "--fresh", "--no-demo-data", "--random-ports")) {
            RunningStack cluster = new RunningStack(launcher.awaitReady(file, Duration.ofMinutes(9)));

            // every part is a process of its own, and answers
            Map<String, Long> instances = Stream.of(cluster.file().path("services")).flatMap(s -> s.valueStream())
                    .collect(Collectors.groupingBy(s -> s.path("name").asText(), Collectors.counting()));
            assertThat(instances).containsExactlyInAnyOrderEntriesOf(Map.of("intake-service", 2L, "capacity-service", 1L,
                    "transfer-table-service", 2L, "notification-service", 2L));
            List<Long> pids = new ArrayList<>(cluster.pids("services"));
            pids.addAll(cluster.pids("kafka"));
            pids.add(cluster.file().path("postgres").path("pid").asLong());
            assertThat(pids).hasSize(11).doesNotHaveDuplicates().doesNotContain(launcher.pid())
                    .allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            for (JsonNode service : cluster.file().path("services")) {
                assertThat(StackHttp.get(service.path("url").asText() + "/actuator/health/readiness", null).statusCode())
                        .as(service.path("name").asText() + " #" + service.path("instance").asInt()).isEqualTo(200);
                assertThat(service.path("argv").toString()).contains("-exec.jar");
            }
            assertThat(cluster.count("intake-service", "select count(*) from referral")).isZero();
            assertKafkaCluster(cluster.file().path("kafka").path("bootstrap").asText());
            long residentMib = residentMib(launcher.pid());
            System.out.println("cluster resident: " + residentMib + " MiB (launcher and everything under it)");
            assertThat(residentMib).isLessThan(SIX_GIB_IN_MIB);

            // a referral taken by the second intake instance reaches the transfer table's read model
            StackSteps steps = new StackSteps(cluster);
            String referral = steps.refer("DEPRESSION", 2);
            await().atMost(StackSteps.WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(StackHttp.get(cluster.url("transfer-table-service", 2) + "/api/v1/waiting-clients",
                            cluster.token("coordinator-a")).body()).contains(referral));

            // the harness's way: kill -9 one instance, start it again from argv/env/workdir, write its pid back
            JsonNode victim = cluster.file().path("services").get(1);
            ProcessHandle killed = ProcessHandle.of(victim.path("pid").asLong()).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(30, TimeUnit.SECONDS);
            restarted = restart(victim);
            ObjectNode rewritten = (ObjectNode) EventJson.mapper().readTree(Files.readString(file));
            ((ObjectNode) rewritten.path("services").get(1)).put("pid", restarted.pid());
            Files.writeString(file, EventJson.mapper().writeValueAsString(rewritten));
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() ->
                    StackHttp.get(victim.path("url").asText() + "/actuator/health/readiness", null).statusCode() == 200);
            String another = steps.refer("ANXIETY", victim.path("instance").asInt());
            assertThat(another).isNotBlank();

            // SIGTERM: every pid in the file stops, the restarted one included; services before Kafka before PostgreSQL
            pids.set(1, restarted.pid());
            launcher.stop(Duration.ofMinutes(3));
            assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            String output = launcher.output();
            assertThat(output.indexOf("stopping 7 service JVMs")).isPositive()
                    .isLessThan(output.indexOf("stopping 3 Kafka nodes"));
            assertThat(output.indexOf("stopping 3 Kafka nodes")).isLessThan(output.indexOf("stopping PostgreSQL"));
            assertThat(EventJson.mapper().readTree(Files.readString(file)).path("ready").asBoolean()).isFalse();
        } finally {
            if (restarted != null) {
                restarted.destroyForcibly();
            }
        }
    }

    private static void assertKafkaCluster(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);
            TopicDescription topic = admin.describeTopics(List.of(Topics.TRANSFER_EVENTS)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.TRANSFER_EVENTS);
            assertThat(topic.partitions()).hasSize(32).allMatch(p -> p.replicas().size() == 3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRANSFER_EVENTS);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    /** What a harness does with an entry of cluster.json: the same command, environment and directory. */
    private static Process restart(JsonNode entry) throws IOException {
        List<String> argv = new ArrayList<>();
        entry.path("argv").forEach(a -> argv.add(a.asText()));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(new File(entry.path("workdir").asText()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        entry.path("env").properties().forEach(e -> builder.environment().put(e.getKey(), e.getValue().asText()));
        return builder.start();
    }

    private static long residentMib(long launcherPid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
        return launcher.map(l -> Stream.concat(Stream.of(l), l.descendants())
                .mapToLong(p -> residentKib(p.pid())).sum() / 1024).orElse(0L);
    }

    private static long residentKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
