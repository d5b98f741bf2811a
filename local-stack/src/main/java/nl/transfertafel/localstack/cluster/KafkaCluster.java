package nl.transfertafel.localstack.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.transfertafel.localstack.DataFolder;
import nl.transfertafel.testkit.engines.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import nl.transfertafel.contracts.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Three Kafka 4 nodes in KRaft combined mode (each one broker and controller, a static quorum of three),
 * each its own process: {@code java ... kafka.Kafka <workdir>/server.properties}. Replication factor 3 with
 * {@code min.insync.replicas=2}, so one node may be down (killed, stopped, restarting) without losing an
 * acknowledged record or refusing a write; 32 partitions per topic for the ~31 regions.
 *
 * <p>Each node's working directory is {@code <data-dir>/kafka-<id>} (its {@code server.properties}, its
 * {@code logback.xml}, its log {@code broker.log}, its data under {@code data/}). The ports and the cluster id
 * are chosen on the first start and kept in {@code kafka-cluster.properties}, so a restart on the same folder
 * finds the same quorum.
 */
final class KafkaCluster {

    static final int NODES = 3;
    static final int PARTITIONS = 32;
    private static final String STATE = "kafka-cluster.properties";

    record Node(int id, int port, int controllerPort, Path workdir) {
        Path properties() {
            return workdir.resolve("server.properties");
        }

        Path logDir() {
            return workdir.resolve("data");
        }

        String address() {
            return "127.0.0.1:" + port;
        }
    }

    private final List<Node> nodes;
    private final String clusterId;

    private KafkaCluster(List<Node> nodes, String clusterId) {
        this.nodes = nodes;
        this.clusterId = clusterId;
    }

    /** Chooses (or reads back) ports and cluster id, writes each node's configuration, formats new storage. */
    static KafkaCluster prepare(DataFolder folder) {
        Path state = folder.resolve(STATE);
        Properties kept = new Properties();
        try {
            if (Files.exists(state)) {
                try (Reader in = Files.newBufferedReader(state)) {
                    kept.load(in);
                }
            } else {
                kept.setProperty("cluster.id", Uuid.randomUuid().toString());
                List<Integer> taken = new ArrayList<>();
                for (int id = 1; id <= NODES; id++) {
                    kept.setProperty("node." + id + ".port", Integer.toString(freePortBesides(taken)));
                    kept.setProperty("node." + id + ".controller-port", Integer.toString(freePortBesides(taken)));
                }
                try (Writer out = Files.newBufferedWriter(state)) {
                    kept.store(out, "Kafka cluster of this data folder: ports and cluster id, kept across restarts");
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (int id = 1; id <= NODES; id++) {
                nodes.add(new Node(id, Integer.parseInt(kept.getProperty("node." + id + ".port")),
                        Integer.parseInt(kept.getProperty("node." + id + ".controller-port")),
                        folder.resolve("kafka-" + id)));
            }
            KafkaCluster cluster = new KafkaCluster(nodes, kept.getProperty("cluster.id"));
            for (Node node : nodes) {
                Files.createDirectories(node.logDir());
                cluster.writeConfiguration(node);
                cluster.format(node);
            }
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the Kafka cluster in " + folder.root(), e);
        }
    }

    private static int freePortBesides(List<Integer> taken) {
        int port = Ports.freePort();
        while (taken.contains(port)) {
            port = Ports.freePort();
        }
        taken.add(port);
        return port;
    }

    List<Node> nodes() {
        return nodes;
    }

    String bootstrap() {
        return nodes.stream().map(Node::address).collect(Collectors.joining(","));
    }

    Map<String, String> configuration(Node node) {
        String voters = nodes.stream().map(n -> n.id() + "@127.0.0.1:" + n.controllerPort())
                .collect(Collectors.joining(","));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(node.id()));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + node.port() + ",CONTROLLER://127.0.0.1:" + node.controllerPort());
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port());
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", node.logDir().toString());
        // every partition on all three nodes; a write is acknowledged once two hold it (acks=all)
        props.put("default.replication.factor", "3");
        props.put("min.insync.replicas", "2");
        props.put("unclean.leader.election.enable", "false");
        props.put("offsets.topic.replication.factor", "3");
        props.put("offsets.topic.num.partitions", "16");
        props.put("transaction.state.log.replication.factor", "3");
        props.put("transaction.state.log.min.isr", "2");
        props.put("transaction.state.log.num.partitions", "8");
        props.put("share.coordinator.state.topic.replication.factor", "3");
        props.put("share.coordinator.state.topic.min.isr", "2");
        // ~31 regions, keyed by region: enough partitions that no two busy regions need to share one
        props.put("num.partitions", Integer.toString(PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        props.put("group.initial.rebalance.delay.ms", "0");
        // small: few threads, small buffers (three of these share two cores with seven services)
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "4");
        props.put("num.replica.fetchers", "1");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        props.put("socket.send.buffer.bytes", Integer.toString(128 * 1024));
        props.put("socket.receive.buffer.bytes", Integer.toString(128 * 1024));
        // a stopped node is noticed (and its partitions led elsewhere) within seconds
        props.put("broker.heartbeat.interval.ms", "1000");
        props.put("broker.session.timeout.ms", "6000");
        props.put("controller.quorum.election.timeout.ms", "1000");
        props.put("controller.quorum.fetch.timeout.ms", "2000");
        props.put("replica.lag.time.max.ms", "10000");
        // an idle follower's fetch waits 2 s at the leader instead of 500 ms (the leader answers at once when
        // data arrives, so acks=all is not slower): the followers' empty fetches are part of the brokers' idle
        // CPU (docs/bench/cpu-per-referral-2026-12-06); well under replica.lag.time.max.ms
        props.put("replica.fetch.wait.max.ms", "2000");
        return props;
    }

    private void writeConfiguration(Node node) throws IOException {
        StringBuilder text = new StringBuilder("# Kafka node ").append(node.id())
                .append(" of the local stack's cluster mode (written at every start)\n");
        configuration(node).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(node.properties(), text);
        Files.writeString(node.workdir().resolve("logback.xml"), """
                <configuration>
                  <appender name="FILE" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder><pattern>%%d{ISO8601} %%-5level [%%thread] %%logger{36} - %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                  <logger name="kafka.Kafka" level="INFO"/>
                  <root level="WARN"><appender-ref ref="FILE"/></root>
                </configuration>
                """.formatted(node.workdir().resolve("broker.log")));
    }

    /** What {@code kafka-storage.sh format} does, in this JVM, once per node (all with the same cluster id). */
    private void format(Node node) {
        if (Files.exists(node.logDir().resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(node.id())
                    .setClusterId(clusterId)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(node.logDir().toString())
                    .setHasDynamicQuorum(false)
                    .setDirectories(List.of(node.logDir().toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage of node " + node.id() + ": "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** {@code java ... kafka.Kafka server.properties} in the node's working directory. */
    ProcessSpec spec(Node node, String heap) {
        List<String> argv = new ArrayList<>(Jvm.ownSession());
        argv.add(Jvm.java());
        argv.addAll(Jvm.options(heap));
        argv.add("-Dlogback.configurationFile=" + node.workdir().resolve("logback.xml"));
        argv.addAll(Jvm.mainOnOwnClassPath("kafka.Kafka"));
        argv.add(node.properties().toString());
        return new ProcessSpec("kafka-" + node.id(), argv, Map.of(), node.workdir(), node.workdir().resolve("stdout.log"));
    }

    /** Waits until all three nodes have registered as brokers (so topics can be created with three replicas). */
    void awaitBrokers(Duration timeout, List<StartedProcess> processes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        int seen = 0;
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                for (StartedProcess process : processes) {
                    process.failIfDead();
                }
                try {
                    seen = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                    if (seen >= NODES) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet
                }
                sleepQuietly(Duration.ofMillis(500));
            }
        }
        throw new IllegalStateException("Only " + seen + " of " + NODES + " Kafka brokers registered within " + timeout);
    }

    /** Between two polls of something that is starting (no scheduler needed for a loop this simple). */
    /**
     * Creates the event topics (32 partitions, three replicas) before any service starts: seven services
     * creating the same topics at once race, and a consumer binding that loses the race waits 30 s before it
     * tries again. Topics that exist are left as they are.
     */
    void createEventTopics() {
        List<NewTopic> topics = Stream.of(Topics.INTAKE_REFERRAL_EVENTS, Topics.INTAKE_WAITING_EVENTS,
                        Topics.CAPACITY_EVENTS, Topics.TRANSFER_EVENTS, Topics.NOTIFICATION_EVENTS)
                .map(name -> new NewTopic(name, PARTITIONS, (short) NODES)).toList();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("Could not create the event topics", e);
        }
    }

    static void sleepQuietly(Duration duration) {
        java.util.concurrent.locks.LockSupport.parkNanos(duration.toNanos());
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("Interrupted while waiting for the cluster to start");
        }
    }
}
