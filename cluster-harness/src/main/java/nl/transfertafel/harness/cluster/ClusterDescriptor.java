package nl.transfertafel.harness.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The running stack as the launcher describes it in {@code <data-dir>/cluster.json} (the contract in
 * the cluster mode's docs): PostgreSQL, the Kafka brokers, the token issuer and every service instance,
 * with what it takes to restart each process identically. The harness rewrites a process's {@code pid}
 * after it restarted it, so the launcher's shutdown stops the right process.
 *
 * <p>Against a stack that is not the cluster (the single-JVM {@code ./run-local.sh}), a hand-written
 * file without pids is enough: faults that need a pid are then skipped with a printed reason.
 */
public final class ClusterDescriptor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final ObjectNode root;

    private ClusterDescriptor(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    public static ClusterDescriptor read(Path file) {
        try {
            JsonNode tree = JSON.readTree(Files.readString(file));
            if (!(tree instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + " is not a JSON object");
            }
            return new ClusterDescriptor(file, object);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the file exists and says {@code "ready": true}; a half-written file is "not yet". */
    public static boolean isReady(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return JSON.readTree(Files.readString(file)).path("ready").asBoolean(false);
        } catch (RuntimeException | IOException notYetComplete) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    public Postgres postgres() {
        JsonNode pg = root.path("postgres");
        Map<String, String> databases = new LinkedHashMap<>();
        pg.path("databases").properties().forEach(e -> databases.put(e.getKey(), e.getValue().asText()));
        return new Postgres(pid(pg), pg.path("host").asText("127.0.0.1"), pg.path("port").asInt(5432),
                pg.path("user").asText("postgres"), pg.path("password").asText(""), databases);
    }

    public String kafkaBootstrap() {
        return root.path("kafka").path("bootstrap").asText();
    }

    public List<Managed> brokers() {
        List<Managed> brokers = new ArrayList<>();
        for (JsonNode broker : root.path("kafka").path("brokers")) {
            brokers.add(managed("kafka-broker", broker.path("id").asInt(), null, broker));
        }
        return brokers;
    }

    public String tokenIssuerUrl() {
        return root.path("tokenIssuer").path("url").asText("http://127.0.0.1:8090/transfertafel");
    }

    public List<Managed> services() {
        List<Managed> services = new ArrayList<>();
        for (JsonNode service : root.path("services")) {
            services.add(managed(service.path("name").asText(), service.path("instance").asInt(1),
                    service.path("url").asText(), service));
        }
        return services;
    }

    /** The base URL of the first instance of a service (load spreads over instances in {@link #urls}). */
    public String url(String service) {
        return urls(service).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " names no instance of " + service));
    }

    public List<String> urls(String service) {
        return services().stream().filter(s -> s.name().equals(service)).map(Managed::url).toList();
    }

    /** Records a restarted process's new pid (in the file, atomically), by name and instance. */
    public synchronized void updatePid(Managed process, long pid) {
        JsonNode list = process.name().equals("kafka-broker") ? root.path("kafka").path("brokers") : root.path("services");
        for (JsonNode node : list) {
            boolean same = process.name().equals("kafka-broker")
                    ? node.path("id").asInt() == process.instance()
                    : node.path("name").asText().equals(process.name()) && node.path("instance").asInt(1) == process.instance();
            if (same && node instanceof ObjectNode object) {
                object.put("pid", pid);
            }
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot rewrite " + file + ": " + e.getMessage(), e);
        }
    }

    private static Managed managed(String name, int instance, String url, JsonNode node) {
        List<String> argv = new ArrayList<>();
        node.path("argv").forEach(a -> argv.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        node.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        String workdir = node.path("workdir").asText(null);
        String log = node.path("log").asText(null);
        return new Managed(name, instance, url, pid(node), node.path("port").asInt(0), argv, env,
                workdir == null ? null : Path.of(workdir), log == null ? null : Path.of(log));
    }

    private static Optional<Long> pid(JsonNode node) {
        return node.hasNonNull("pid") && node.path("pid").asLong() > 0 ? Optional.of(node.path("pid").asLong()) : Optional.empty();
    }

    public record Postgres(Optional<Long> pid, String host, int port, String user, String password,
            Map<String, String> databases) {

        public String jdbcUrl(String service) {
            String database = databases.get(service);
            if (database == null) {
                throw new IllegalStateException("cluster.json names no database for " + service);
            }
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        public String maintenanceUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/postgres";
        }
    }

    /** A process the harness may kill and restart: a service instance or a broker. */
    public record Managed(String name, int instance, String url, Optional<Long> pid, int port, List<String> argv,
            Map<String, String> env, Path workdir, Path log) {

        public boolean restartable() {
            return pid.isPresent() && !argv.isEmpty();
        }

        public String label() {
            return name + "#" + instance;
        }
    }
}
