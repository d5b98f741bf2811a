package nl.transfertafel.localstack.cluster;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.transfertafel.demo.DemoDataGenerator;
import nl.transfertafel.localstack.DataFolder;
import nl.transfertafel.localstack.DemoLoader;
import nl.transfertafel.localstack.LaunchOptions;
import nl.transfertafel.localstack.ServiceKind;
import nl.transfertafel.localstack.StackFile;
import nl.transfertafel.testkit.ServiceProperties;
import nl.transfertafel.testkit.engines.EmbeddedPostgresServer;
import nl.transfertafel.testkit.engines.EngineLogging;
import nl.transfertafel.testkit.engines.Ports;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cluster mode of the embedded default ({@code ./run-local.sh --cluster}): the system as it runs for a
 * region or the country, on one machine.
 *
 * <ul>
 * <li>PostgreSQL with durable settings, its data in {@code <data-dir>/postgres};</li>
 * <li>a 3-node KRaft Kafka cluster, each node its own process ({@link KafkaCluster});</li>
 * <li>the token issuer and the SMTP sink, in this launcher's JVM;</li>
 * <li>every service in its own JVM from its own jar ({@code <service>/target/<service>-*-exec.jar}), two
 * instances of intake-, transfer-table- and notification-service, one of capacity-service (by default:
 * {@code --instances} changes it, e.g. for the harness's short run);</li>
 * <li>demo data on an empty data folder, loaded through the first instances' public APIs.</li>
 * </ul>
 *
 * When everything answers it writes {@code <data-dir>/cluster.json} (format: {@code docs/local-stack.md}):
 * a harness reads where everything is, kills and restarts processes itself with the recorded argv, env and
 * working directory, and writes their new pids back. This launcher never restarts anything; when it stops
 * (Ctrl-C, SIGTERM) it reads the file again and stops every pid in it: services first, then the Kafka
 * nodes, then PostgreSQL.
 */
public final class ClusterStack implements AutoCloseable {

    public static final String FILE = "cluster.json";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration SERVICE_STOP = Duration.ofSeconds(30);
    private static final Duration BROKER_STOP = Duration.ofSeconds(60);

    record ServiceInstance(ServiceKind kind, int instance, int port, StartedProcess process) {
        String url() {
            return "http://127.0.0.1:" + port;
        }

        Path log() {
            return process.spec().workdir().resolve("service.log");
        }
    }

    private final LaunchOptions options;
    /** How many JVMs of each service ({@link LaunchOptions#CLUSTER_INSTANCES} unless {@code --instances}). */
    private final Map<ServiceKind, Integer> instances;
    private final DataFolder folder;
    private final List<StartedProcess> brokers = new ArrayList<>();
    private final List<ServiceInstance> services = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private EmbeddedPostgresServer postgres;
    private KafkaCluster kafka;
    private LocalTokenIssuer tokens;
    private GreenMail mailSink;
    private DemoLoader.Loaded loaded;

    private ClusterStack(LaunchOptions options) {
        this.options = options;
        this.instances = options.instances();
        this.folder = DataFolder.open(options.dataDir(), DataFolder.Mode.CLUSTER, options.fresh());
    }

    /** Starts everything and writes {@code cluster.json}; on a failure stops what started and throws. */
    public static ClusterStack start(LaunchOptions options) {
        ClusterStack stack = new ClusterStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        EngineLogging.quiet();
        // the launcher's admin client polls brokers that are still starting: not worth a warning each time
        if (org.slf4j.LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
        deleteQuietly(folder.resolve(FILE));
        say("PostgreSQL (durable: fsync and synchronous_commit on), data in " + folder.postgres());
        Map<String, String> pgSettings = new LinkedHashMap<>(EmbeddedPostgresServer.DURABLE_SETTINGS);
        pgSettings.put("shared_buffers", "128MB");
        postgres = EmbeddedPostgresServer.start(folder.postgres(), port("POSTGRES_PORT", 0), pgSettings).closedByOwner();

        kafka = KafkaCluster.prepare(folder);
        String kafkaHeap = setting("TRANSFERTAFEL_KAFKA_HEAP", "256m");
        for (KafkaCluster.Node node : kafka.nodes()) {
            say("Kafka node " + node.id() + " of " + KafkaCluster.NODES + " on " + node.address() + " (heap " + kafkaHeap + ")");
            brokers.add(StartedProcess.start(kafka.spec(node, kafkaHeap)));
        }
        tokens = LocalTokenIssuer.start(port("TOKEN_ISSUER_PORT", 8090));
        mailSink = new GreenMail(new ServerSetup[] {
                new ServerSetup(port("SMTP_SINK_PORT", 3025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(port("IMAP_SINK_PORT", 3143), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mailSink.start();
        kafka.awaitBrokers(START_TIMEOUT, brokers);
        kafka.createEventTopics();
        say("Kafka cluster up: " + kafka.bootstrap());

        Map<ServiceKind, List<Integer>> ports = servicePorts();
        String heap = setting("TRANSFERTAFEL_SERVICE_HEAP", "256m");
        for (ServiceKind kind : ServiceKind.values()) {
            for (int instance = 1; instance <= instances.get(kind); instance++) {
                int port = ports.get(kind).get(instance - 1);
                say(kind.serviceName() + " #" + instance + " on " + port + " (heap " + heap + ")");
                services.add(new ServiceInstance(kind, instance, port,
                        StartedProcess.start(serviceSpec(kind, instance, ports, heap))));
            }
        }
        awaitReadiness();
        if (options.demoData() && folder.isEmpty()) {
            say("loading demo data through the services' APIs");
            loaded = new DemoLoader(kind -> first(kind).url(), tokens).load(DemoDataGenerator.generate(options.seed(),
                    DemoDataGenerator.Size.demo(), LocalDate.now()));
        }
        StackFile.write(folder.resolve(FILE), describe());
    }

    private Map<ServiceKind, List<Integer>> servicePorts() {
        Map<ServiceKind, List<Integer>> ports = new EnumMap<>(ServiceKind.class);
        for (ServiceKind kind : ServiceKind.values()) {
            List<Integer> list = new ArrayList<>();
            int base = options.randomPorts() ? 0 : LaunchOptions.intEnv(kind.portVariable(), kind.defaultPort());
            for (int instance = 1; instance <= instances.get(kind); instance++) {
                // instance n on the documented port + 100 * (n - 1): 8081 and 8181, ...
                list.add(base == 0 ? Ports.freePort() : base + 100 * (instance - 1));
            }
            ports.put(kind, list);
        }
        return ports;
    }

    private ProcessSpec serviceSpec(ServiceKind kind, int instance, Map<ServiceKind, List<Integer>> ports, String heap) {
        Path workdir = folder.resolve("services").resolve(kind.serviceName() + "-" + instance);
        Map<String, Object> properties = new LinkedHashMap<>(
                ServiceProperties.wiring(postgres, kind.database(), kafka.bootstrap(), tokens));
        properties.put("server.port", ports.get(kind).get(instance - 1));
        properties.put("logging.file.name", workdir.resolve("service.log").toString());
        properties.put("management.metrics.tags.instance", kind.serviceName() + "-" + instance);
        // topics as the cluster holds them: 32 partitions (~31 regions), three replicas, acks from two
        properties.put("transfertafel.kafka.partitions", KafkaCluster.PARTITIONS);
        properties.put("transfertafel.kafka.replication-factor", KafkaCluster.NODES);
        properties.put("spring.cloud.stream.kafka.binder.required-acks", "all");
        properties.put("transfertafel.security.cors-allowed-origins", "http://127.0.0.1:*,http://localhost:*");
        properties.put("transfertafel.coordinator-ui.issuer-uri", tokens.issuer());
        if (kind == ServiceKind.NOTIFICATION) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", mailSink.getSmtp().getPort());
            properties.put("transfertafel.notification.webhook.allow-insecure-localhost", true);
        }
        // where the other services answer: the same instance number where there is one, else the first
        Map<String, String> env = new LinkedHashMap<>();
        for (ServiceKind other : ServiceKind.values()) {
            List<Integer> otherPorts = ports.get(other);
            int port = otherPorts.get(Math.min(instance, otherPorts.size()) - 1);
            env.put(other.name() + "_URL", "http://127.0.0.1:" + port);
        }
        List<String> argv = new ArrayList<>(Jvm.ownSession());
        argv.add(Jvm.java());
        argv.addAll(Jvm.options(heap));
        // the service logs to its file (logging.file.name); the console stays quiet
        argv.add("-Dlogging.threshold.console=OFF");
        argv.add("-jar");
        argv.add(ServiceJars.find(kind).toString());
        properties.forEach((key, value) -> argv.add("--" + key + "=" + value));
        return new ProcessSpec(kind.serviceName() + "-" + instance, argv, env, workdir, workdir.resolve("stdout.log"));
    }

    private void awaitReadiness() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        List<ServiceInstance> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not ready within " + START_TIMEOUT + ": "
                        + waiting.stream().map(s -> s.kind().serviceName() + " #" + s.instance()).toList());
            }
            for (StartedProcess broker : brokers) {
                broker.failIfDead();
            }
            for (ServiceInstance service : List.copyOf(waiting)) {
                service.process().failIfDead();
                if (isReady(http, service.url())) {
                    say(service.kind().serviceName() + " #" + service.instance() + " ready at " + service.url());
                    waiting.remove(service);
                }
            }
            KafkaCluster.sleepQuietly(Duration.ofMillis(500));
        }
    }

    static boolean isReady(HttpClient http, String url) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + url, e);
        }
    }

    private ServiceInstance first(ServiceKind kind) {
        return services.stream().filter(s -> s.kind() == kind && s.instance() == 1).findFirst().orElseThrow();
    }

    /** The content of {@code cluster.json}. */
    private Map<String, Object> describe() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("ready", true);
        file.put("dataDir", folder.root().toString());
        file.put("launcherPid", ProcessHandle.current().pid());
        Map<String, Object> pg = new LinkedHashMap<>();
        pg.put("pid", postgres.pid());
        pg.put("host", postgres.host());
        pg.put("port", postgres.port());
        pg.put("user", postgres.username());
        pg.put("password", postgres.password());
        Map<String, String> databases = new LinkedHashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            databases.put(kind.serviceName(), kind.database());
        }
        pg.put("databases", databases);
        pg.put("dataDirectory", folder.postgres().toString());
        pg.put("log", postgres.logFile().toString());
        file.put("postgres", pg);
        Map<String, Object> kafkaPart = new LinkedHashMap<>();
        kafkaPart.put("bootstrap", kafka.bootstrap());
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (int i = 0; i < brokers.size(); i++) {
            KafkaCluster.Node node = kafka.nodes().get(i);
            Map<String, Object> broker = new LinkedHashMap<>();
            broker.put("id", node.id());
            broker.put("port", node.port());
            broker.put("controllerPort", node.controllerPort());
            broker.putAll(brokers.get(i).describe());
            broker.put("log", node.workdir().resolve("broker.log").toString());
            nodes.add(broker);
        }
        kafkaPart.put("brokers", nodes);
        kafkaPart.put("partitions", KafkaCluster.PARTITIONS);
        kafkaPart.put("replicationFactor", KafkaCluster.NODES);
        kafkaPart.put("minInsyncReplicas", 2);
        file.put("kafka", kafkaPart);
        file.put("tokenIssuer", Map.of("url", tokens.issuer()));
        file.put("smtpSink", Map.of("smtpPort", mailSink.getSmtp().getPort(), "imapPort", mailSink.getImap().getPort()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServiceInstance service : services) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", service.kind().serviceName());
            entry.put("instance", service.instance());
            entry.put("url", service.url());
            entry.putAll(service.process().describe());
            entry.put("log", service.log().toString());
            list.add(entry);
        }
        file.put("services", list);
        return file;
    }

    /**
     * Stops every process named in {@code cluster.json} (a harness may have restarted some: the file has
     * their pids) or, before the file was written, every process this launcher started: services first (so
     * their relays and consumers do not fail against a vanishing broker or database), then the Kafka nodes,
     * then PostgreSQL. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Path file = folder.resolve(FILE);
        List<Long> servicePids = new ArrayList<>(services.stream().map(s -> s.process().pid()).toList());
        List<Long> brokerPids = new ArrayList<>(brokers.stream().map(StartedProcess::pid).toList());
        if (Files.exists(file)) {
            try {
                JsonNode written = StackFile.read(file);
                servicePids.clear();
                written.path("services").forEach(s -> servicePids.add(s.path("pid").asLong()));
                brokerPids.clear();
                written.path("kafka").path("brokers").forEach(b -> brokerPids.add(b.path("pid").asLong()));
                ((ObjectNode) written).put("ready", false);
                StackFile.write(file, written);
            } catch (RuntimeException unreadable) {
                System.err.println("Could not read " + file + " (" + unreadable.getMessage()
                        + "); stopping the processes this launcher started");
            }
        }
        say("stopping " + servicePids.size() + " service JVMs");
        stopAll(servicePids, SERVICE_STOP);
        say("stopping " + brokerPids.size() + " Kafka nodes");
        stopAll(brokerPids, BROKER_STOP);
        if (postgres != null) {
            say("stopping PostgreSQL");
            postgres.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        if (mailSink != null) {
            mailSink.stop();
        }
    }

    /** SIGTERM to all at once, then wait; SIGKILL to whichever is still there after {@code grace}. */
    private static void stopAll(List<Long> pids, Duration grace) {
        List<ProcessHandle> running = pids.stream().map(ProcessHandle::of).flatMap(Optional::stream)
                .filter(ProcessHandle::isAlive).toList();
        running.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : running) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                process.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception notInTime) {
                System.err.println("pid " + process.pid() + " did not stop within " + grace.toSeconds() + " s: killed");
                process.destroyForcibly();
            }
        }
    }

    /** Resident memory of this launcher and everything it started (services, Kafka nodes, PostgreSQL), in MiB. */
    static long residentMib() {
        return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants())
                .mapToLong(p -> residentKib(p.pid())).sum() / 1024;
    }

    private static long residentKib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private void printBanner(Duration startup) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Transfertafel cluster is up (").append(startup.toSeconds()).append(" s, ")
                .append(residentMib()).append(" MiB resident) ===\n");
        for (ServiceInstance service : services) {
            out.append(String.format("  %-28s %s   (OpenAPI: %s/v3/api-docs, log: %s)%n",
                    service.kind().serviceName() + " #" + service.instance(), service.url(), service.url(), service.log()));
        }
        out.append(String.format("  %-28s %s   (tokens: %s/token?username=<user>)%n", "token issuer", tokens.issuer(),
                tokens.issuer()));
        out.append(String.format("  %-28s %s  user %s (durable)%n", "postgres", postgres.jdbcUrl("<service>"),
                postgres.username()));
        out.append(String.format("  %-28s %s   (3 nodes, replication factor 3, min.insync.replicas 2, %d partitions)%n",
                "kafka", kafka.bootstrap(), KafkaCluster.PARTITIONS));
        out.append(String.format("  %-28s smtp://127.0.0.1:%d   (IMAP 127.0.0.1:%d)%n", "smtp sink (e-mail)",
                mailSink.getSmtp().getPort(), mailSink.getImap().getPort()));
        out.append(String.format("  %-28s %s   (processes, pids and command lines: %s)%n", "data folder", folder.root(),
                folder.resolve(FILE)));
        if (loaded != null) {
            out.append("  demo data: ").append(loaded).append('\n');
        }
        out.append("Press Ctrl-C to stop everything (services first, then Kafka, then PostgreSQL).\n");
        System.out.println(out);
    }

    /** {@code --cluster}: starts, prints the URLs, and runs until Ctrl-C or SIGTERM. */
    public static void main(LaunchOptions options) throws InterruptedException {
        Instant started = Instant.now();
        CountDownLatch stopped = new CountDownLatch(1);
        ClusterStack stack = new ClusterStack(options);
        // in place before anything starts: a Ctrl-C during start-up stops what has started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the cluster: services first, then Kafka, then PostgreSQL...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "cluster-stop"));
        try {
            stack.startAll();
        } catch (RuntimeException e) {
            System.err.println("The cluster did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printBanner(Duration.between(started, Instant.now()));
        stopped.await();
    }

    private static void say(String message) {
        System.out.println("[cluster] " + message);
    }

    private int port(String variable, int documented) {
        return options.randomPorts() ? Ports.freePort() : LaunchOptions.intEnv(variable, documented);
    }

    private static String setting(String variable, String fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // overwritten when the cluster is up
        }
    }

    /** Where the services' own jars are: {@code <checkout>/<service>/target/<service>-*-exec.jar}. */
    static final class ServiceJars {
        private ServiceJars() {
        }

        static Path find(ServiceKind kind) {
            List<Path> roots = new ArrayList<>();
            String home = System.getenv("TRANSFERTAFEL_HOME");
            if (home != null && !home.isBlank()) {
                roots.add(Path.of(home));
            }
            Path cwd = Path.of("").toAbsolutePath();
            roots.add(cwd);
            if (cwd.getParent() != null) {
                roots.add(cwd.getParent());
            }
            try {
                // the launcher's own jar or classes: <checkout>/local-stack/target/...
                Path own = Path.of(ClusterStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                for (Path p = own; p != null; p = p.getParent()) {
                    if (p.getFileName() != null && p.getFileName().toString().equals("local-stack")) {
                        roots.add(p.getParent());
                        break;
                    }
                }
            } catch (Exception unknown) {
                // the other places will do
            }
            for (Path root : roots) {
                Path target = root.resolve(kind.serviceName()).resolve("target");
                if (!Files.isDirectory(target)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(target)) {
                    Optional<Path> jar = files.filter(f -> f.getFileName().toString().startsWith(kind.serviceName() + "-")
                                    && f.getFileName().toString().endsWith("-exec.jar"))
                            .max(Comparator.comparing(f -> f.toFile().lastModified()));
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                } catch (IOException e) {
                    // try the next place
                }
            }
            throw new IllegalStateException("No " + kind.serviceName() + "/target/" + kind.serviceName()
                    + "-*-exec.jar under " + roots + ": build it first (./run-local.sh does, or ./mvnw -pl local-stack -am"
                    + " package -DskipTests), or set TRANSFERTAFEL_HOME to the checkout");
        }
    }
}
