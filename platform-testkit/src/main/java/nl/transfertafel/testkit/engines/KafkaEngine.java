package nl.transfertafel.testkit.engines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 4 broker in KRaft combined mode (broker and controller in one node), running inside
 * this JVM: no child JVM, so it also works from a Spring Boot fat jar.
 *
 * <ul>
 * <li>PLAINTEXT on {@code 127.0.0.1:port}, CONTROLLER on another free loopback port, static quorum of one.</li>
 * <li>Storage is formatted in-process with {@link Formatter} (what {@code kafka-storage.sh format} does),
 * only when the log directory is not formatted yet.</li>
 * <li>{@link #stop()} takes the broker down for real (sockets closed, clients get connection errors) and
 * keeps the log directory; {@link #restart()} starts a fresh server instance on the same ports with the same
 * log directory, so topics, messages and committed offsets survive.</li>
 * <li>While an engine exists, Kafka's {@code Exit.exit/halt} are intercepted: a fatal broker error throws
 * (and is logged) instead of killing the test JVM or the local launcher.</li>
 * </ul>
 */
public final class KafkaEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEngine.class);
    private static final String TEMP_PREFIX = "transfertafel-kafka-";
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final Path workDir; // temp dir to delete on close, or null for a caller's log directory
    private final boolean temporary;
    private final int port;
    private final int controllerPort;
    private final Map<String, Object> config;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();
    private KafkaRaftServer server;

    private KafkaEngine(Path logDir, Path workDir, int port, int controllerPort, Map<String, String> overrides) {
        this.logDir = logDir;
        this.workDir = workDir;
        this.temporary = workDir != null;
        this.port = port;
        this.controllerPort = controllerPort;
        this.config = brokerConfig(logDir, port, controllerPort, overrides);
        this.shutdownHook = new Thread(this::close, "kafka-engine-stop-" + port);
    }

    /**
     * Starts the broker.
     *
     * @param dataDirOrNull the log directory to keep (formatted when new, reused otherwise), or {@code null}
     *        for a temporary one that {@link #close()} deletes
     * @param portOrZero the PLAINTEXT port, or 0 for a free one
     */
    public static KafkaEngine start(Path dataDirOrNull, int portOrZero) {
        return start(dataDirOrNull, portOrZero, Map.of());
    }

    /** As {@link #start(Path, int)}, with extra or overriding broker properties. */
    public static KafkaEngine start(Path dataDirOrNull, int portOrZero, Map<String, String> brokerOverrides) {
        EngineLogging.quiet();
        ExitGuard.install();
        long begin = System.nanoTime();
        Path logDir;
        Path workDir = null;
        try {
            if (dataDirOrNull == null) {
                FileTree.deleteAbandoned(TEMP_PREFIX, dir -> false);
                workDir = FileTree.createOwnedTempDirectory(TEMP_PREFIX);
                logDir = Files.createDirectories(workDir.resolve("logs"));
            } else {
                logDir = Files.createDirectories(dataDirOrNull.toAbsolutePath());
            }
        } catch (IOException e) {
            FileTree.deleteQuietly(workDir);
            throw new UncheckedIOException("Could not create the Kafka log directory", e);
        }
        int port = Ports.orFree(portOrZero);
        int controllerPort = Ports.freePort();
        while (controllerPort == port) {
            controllerPort = Ports.freePort();
        }
        KafkaEngine engine = new KafkaEngine(logDir, workDir, port, controllerPort, brokerOverrides);
        try {
            engine.format();
            engine.startServer();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(engine.shutdownHook);
        log.info("Kafka started on {} in {} ms (log dir {})", engine.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000, logDir);
        return engine;
    }

    static Map<String, Object> brokerConfig(Path logDir, int port, int controllerPort, Map<String, String> overrides) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // single node: every internal topic with replication factor 1
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "3");
        // small and quick: few threads, small cleaner buffer, quick quorum and heartbeats
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        props.put("log.segment.bytes", Integer.toString(64 * 1024 * 1024));
        props.put("broker.heartbeat.interval.ms", "500");
        props.put("broker.session.timeout.ms", "9000");
        props.put("controller.quorum.election.timeout.ms", "1000");
        props.put("controller.quorum.fetch.timeout.ms", "2000");
        props.put("metadata.max.idle.interval.ms", "500");
        props.putAll(overrides);
        return props;
    }

    private void format() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return; // formatted before: keep cluster id and data
        }
        KafkaConfig kafkaConfig = new KafkaConfig(config, false);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(kafkaConfig.metadataLogDir())
                    .setHasDynamicQuorum(false)
                    .setDirectories(List.of(logDir.toString()))
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir + ": "
                    + output.toString(StandardCharsets.UTF_8), e);
        }
        log.debug("Formatted Kafka storage: {}", output.toString(StandardCharsets.UTF_8).trim());
    }

    private void startServer() {
        KafkaRaftServer fresh = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        try {
            fresh.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(fresh);
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers(), e);
        }
        server = fresh;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Error while stopping Kafka", e);
        }
    }

    /** {@code 127.0.0.1:port}; stays the same across {@link #stop()} and {@link #restart()}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path logDirectory() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Leaves stopping to the owner's {@link #close()}: no JVM shutdown hook of its own, so an owner that stops
     * its services first (the local stack) is not overtaken by the broker going away underneath them.
     */
    public KafkaEngine closedByOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException ignored) {
            // shutting down already, or never registered
        }
        return this;
    }

    /** Takes the broker down (its ports close); the log directory stays. No-op when already stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long begin = System.nanoTime();
        KafkaRaftServer running = server;
        server = null;
        shutdownQuietly(running);
        log.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - begin) / 1_000_000);
    }

    /** Brings the broker (back) up on the same ports with the same data; stops it first when running. */
    public synchronized void restart() {
        if (closed.get()) {
            throw new IllegalStateException("This KafkaEngine is closed");
        }
        stop();
        long begin = System.nanoTime();
        startServer();
        log.info("Kafka on {} restarted in {} ms", bootstrapServers(), (System.nanoTime() - begin) / 1_000_000);
    }

    /** Stops the broker and, for a temporary log directory, deletes it. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stop();
        if (temporary) {
            FileTree.deleteQuietly(workDir);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException | IllegalArgumentException ignored) {
                // shutting down already, or never registered
            }
        }
    }

    @Override
    public String toString() {
        return "KafkaEngine[" + bootstrapServers() + ", logDir=" + logDir + (isRunning() ? "" : ", stopped") + "]";
    }

    /** Keeps Kafka's fatal-error handling from terminating the whole JVM. */
    private static final class ExitGuard {
        private static boolean installed;

        static synchronized void install() {
            if (installed) {
                return;
            }
            Exit.setExitProcedure((status, message) -> {
                log.error("In-process Kafka asked to exit the JVM with status {} ({}); ignored", status, message);
                throw new IllegalStateException("Kafka requested Exit.exit(" + status + "): " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                log.error("In-process Kafka asked to halt the JVM with status {} ({}); ignored", status, message);
                throw new IllegalStateException("Kafka requested Exit.halt(" + status + "): " + message);
            });
            installed = true;
        }
    }
}
