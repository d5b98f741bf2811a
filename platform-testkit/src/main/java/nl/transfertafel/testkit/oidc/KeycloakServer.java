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
import nl.transfertafel.testkit.engines.Ports;

/**
 * A real Keycloak, started from its server distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked
 * by the build of the module that uses it) on a JDK 21+, in development mode with an in-memory database,
 * importing realm files exactly as Compose does ({@code --import-realm} from {@code data/import}). Used by
 * deploy-checks' realm test and local-stack's Keycloak walkthrough; one start takes about a minute on two
 * idle cores, up to 15 minutes are allowed for a busy machine. Its log goes to the given file.
 *
 * <p>Where the distribution or the JDK is missing, {@link #unavailable} says why, so a test can skip with
 * that reason instead of failing.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The realm deploy/keycloak defines. */
    public static final String REALM = "transfertafel";

    /**
     * What to start: the unpacked distribution, the JDK it runs on, the files to import (realm first, then
     * users), the environment the realm file reads ({@code ${VAR}} placeholders), where to log, and for tests
     * a shorter access-token lifespan than the realm's (null keeps the realm's).
     */
    public record Setup(Path home, Path javaHome, List<Path> imports, Map<String, String> environment, Path log,
            Integer accessTokenLifespanSeconds) {

        public Setup {
            imports = List.copyOf(imports);
            environment = Map.copyOf(environment);
        }

        public Setup withAccessTokenLifespan(int seconds) {
            return new Setup(home, javaHome, imports, environment, log, seconds);
        }
    }

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    public static Optional<String> unavailable(Path home, Path javaHome) {
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
        Path imports = setup.home().resolve("data/import");
        Files.createDirectories(imports);
        try (var old = Files.list(imports)) {
            // an earlier run's files would be imported too
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
        for (Path file : setup.imports()) {
            String json = Files.readString(file);
            if (setup.accessTokenLifespanSeconds() != null) {
                json = json.replaceFirst("\"accessTokenLifespan\"\\s*:\\s*\\d+",
                        "\"accessTokenLifespan\": " + setup.accessTokenLifespanSeconds());
            }
            Files.writeString(imports.resolve(file.getFileName()), json);
        }
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
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        try {
            server.awaitRealm(Duration.ofMinutes(15), setup.log());
        } catch (RuntimeException | IOException e) {
            server.close();
            throw e;
        }
        return server;
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

    public int port() {
        return port;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
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
