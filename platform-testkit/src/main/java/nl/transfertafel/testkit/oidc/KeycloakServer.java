package nl.transfertafel.testkit.oidc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.testkit.engines.Containers;
import nl.transfertafel.testkit.engines.EngineMode;
import nl.transfertafel.testkit.engines.Ports;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A real Keycloak, started from its server distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked
 * by the build of the module that uses it) on a JDK 21+, in development mode with an in-memory database,
 * importing realm files exactly as Compose does ({@code --import-realm} from {@code data/import}). Used by
 * deploy-checks' realm test and local-stack's Keycloak walkthrough; one start takes about a minute on two
 * idle cores, up to 15 minutes are allowed for a busy machine. Its log goes to the given file.
 *
 * <p>Where the distribution or the JDK is missing, {@link #unavailable} says why, so a test can skip with
 * that reason instead of failing. With {@code TRANSFERTAFEL_ENGINES=testcontainers} Keycloak's own image
 * ({@value #IMAGE}) runs instead, importing the same files; without a Docker engine the test is skipped.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The realm deploy/keycloak defines. */
    public static final String REALM = "transfertafel";

    /**
     * What to start: the unpacked distribution, the JDK it runs on, the files to import (realm first, then
     * users), the environment the realm file reads ({@code ${VAR}} placeholders), where to log, and for tests
     * shorter access-token lifespans for some clients than the realm's (client id to seconds).
     */
    public record Setup(Path home, Path javaHome, List<Path> imports, Map<String, String> environment, Path log,
            Map<String, Integer> clientAccessTokenLifespans) {

        public Setup {
            imports = List.copyOf(imports);
            environment = Map.copyOf(environment);
            clientAccessTokenLifespans = clientAccessTokenLifespans == null ? Map.of() : Map.copyOf(clientAccessTokenLifespans);
        }

        /**
         * Tokens of one client live this long (Keycloak's per-client {@code access.token.lifespan}); the others
         * keep the realm's. Per client, because a service's client-credentials token cache renews a minute early.
         */
        public Setup withAccessTokenLifespan(String clientId, int seconds) {
            Map<String, Integer> lifespans = new LinkedHashMap<>(clientAccessTokenLifespans);
            lifespans.put(clientId, seconds);
            return new Setup(home, javaHome, imports, environment, log, lifespans);
        }
    }

    /** The image of the Testcontainers path: the same version as the distribution the build unpacks. */
    public static final String IMAGE = "quay.io/keycloak/keycloak:26.5.6";

    private final Process process; // null for a container
    private final AutoCloseable container; // null for a process
    private final String base;

    private KeycloakServer(Process process, AutoCloseable container, String base) {
        this.process = process;
        this.container = container;
        this.base = base;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    public static Optional<String> unavailable(Path home, Path javaHome) {
        if (EngineMode.configured() == EngineMode.TESTCONTAINERS) {
            return Containers.dockerUnavailable();
        }
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return Optional.of("no Keycloak distribution at " + home + " (the build unpacks org.keycloak:keycloak-quarkus-dist)");
        }
        if (!Files.isExecutable(javaHome.resolve("bin/java"))) {
            return Optional.of("Keycloak needs a JDK 21+; none at " + javaHome + " (set -Dkeycloak.java.home)");
        }
        return Optional.empty();
    }

    /** The distribution and JDK named by the system properties {@code keycloak.home} and {@code keycloak.java.home}. */
    public static Path configuredHome() {
        return Paths.get(System.getProperty("keycloak.home", "target/keycloak-dist/keycloak"));
    }

    public static Path configuredJavaHome() {
        return Paths.get(System.getProperty("keycloak.java.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    /** Starts Keycloak on a free port and returns once the realm's discovery document answers. */
    public static KeycloakServer start(Setup setup) throws IOException {
        if (EngineMode.configured() == EngineMode.TESTCONTAINERS) {
            return startContainer(setup);
        }
        Path imports = setup.home().resolve("data/import");
        copyImports(setup, imports);
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(setup.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + Ports.freePort(), "--cache=local"));
        Files.createDirectories(setup.log().toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(setup.home().toFile()).redirectErrorStream(true)
                .redirectOutput(setup.log().toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", setup.javaHome().toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        env.putAll(setup.environment());
        KeycloakServer server = new KeycloakServer(builder.start(), null, "http://127.0.0.1:" + port);
        try {
            server.awaitRealm(Duration.ofMinutes(15), setup.log());
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The import files as Keycloak reads them, with the test's access-token lifespan where one is set. */
    private static void copyImports(Setup setup, Path imports) throws IOException {
        Files.createDirectories(imports);
        try (var old = Files.list(imports)) {
            // an earlier run's files would be imported too
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
        for (Path file : setup.imports()) {
            String json = Files.readString(file);
            if (!setup.clientAccessTokenLifespans().isEmpty()) {
                json = withClientLifespans(json, setup.clientAccessTokenLifespans());
            }
            Files.writeString(imports.resolve(file.getFileName()), json);
        }
    }

    @SuppressWarnings("unchecked")
    private static String withClientLifespans(String json, Map<String, Integer> lifespans) throws IOException {
        try {
            Map<String, Object> realm = com.nimbusds.jose.util.JSONObjectUtils.parse(json);
            if (!(realm.get("clients") instanceof List<?> clients)) {
                return json;
            }
            for (Object entry : clients) {
                Map<String, Object> client = (Map<String, Object>) entry;
                Integer seconds = lifespans.get(String.valueOf(client.get("clientId")));
                if (seconds != null) {
                    Map<String, Object> attributes = client.get("attributes") instanceof Map<?, ?> existing
                            ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
                    attributes.put("access.token.lifespan", String.valueOf(seconds));
                    client.put("attributes", attributes);
                }
            }
            return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(realm);
        } catch (java.text.ParseException e) {
            throw new IOException("not a realm file: " + e.getMessage(), e);
        }
    }

    private static KeycloakServer startContainer(Setup setup) throws IOException {
        Containers.assumeDocker();
        Path imports = Files.createTempDirectory("keycloak-import-");
        copyImports(setup, imports);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(8080)
                .withEnv(setup.environment())
                .withCommand("start-dev", "--import-realm", "--cache=local")
                .waitingFor(Wait.forHttp("/realms/" + REALM + "/.well-known/openid-configuration").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(15)))
                .withLogConsumer(frame -> appendLog(setup.log(), frame.getUtf8String()));
        try (var files = Files.list(imports)) {
            for (Path file : files.toList()) {
                container.withCopyFileToContainer(MountableFile.forHostPath(file),
                        "/opt/keycloak/data/import/" + file.getFileName());
            }
        }
        container.start();
        return new KeycloakServer(null, container, "http://" + container.getHost() + ":" + container.getMappedPort(8080));
    }

    private static void appendLog(Path log, String line) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a courtesy
        }
    }

    private void awaitRealm(Duration atMost, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
            try {
                // a server start-up wait, not a test's: there is nothing to be notified by
                TimeUnit.SECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve realm " + REALM + " within " + atMost + "; see " + log);
    }

    public String issuer() {
        return base + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String authorizationEndpoint() {
        return issuer() + "/protocol/openid-connect/auth";
    }

    public String jwksUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** The variable the realm file reads a service client's secret from, e.g. TRANSFERTAFEL_INTAKE_SERVICE_SECRET. */
    public static String secretVariable(String service) {
        return "TRANSFERTAFEL_" + service.toUpperCase().replace('-', '_') + "_SECRET";
    }

    /** Form-encodes parameters (token endpoint, authorization request). */
    public static String form(Map<String, String> parameters) {
        StringBuilder body = new StringBuilder();
        new LinkedHashMap<>(parameters).forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    @Override
    public void close() {
        if (container != null) {
            try {
                container.close();
            } catch (Exception e) {
                System.err.println("Stopping Keycloak's container failed: " + e);
            }
            return;
        }
        // kc.sh starts the JVM as its child: stop both
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
