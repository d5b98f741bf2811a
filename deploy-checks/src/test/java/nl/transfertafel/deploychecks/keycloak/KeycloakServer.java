package nl.transfertafel.deploychecks.keycloak;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.deploychecks.Repository;

/**
 * A real Keycloak, started from its server distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked
 * by the build) on a JDK 21+, in development mode with an in-memory database, importing
 * deploy/keycloak's realm and demo users exactly as Compose does. One start per test run (about a minute on
 * two cores when the machine is otherwise idle; up to 15 minutes are allowed for a busy one); its log goes to
 * target/keycloak.log.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The client secrets the realm file reads from the environment (placeholders), for this test only. */
    public static final Map<String, String> SERVICE_SECRETS = Map.of(
            "intake-service", "it-intake-secret",
            "capacity-service", "it-capacity-secret",
            "transfer-table-service", "it-transfer-table-secret",
            "notification-service", "it-notification-secret");
    public static final String COORDINATOR_PAGE = "http://127.0.0.1:18083/coordinator/";

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        Path home = home();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return Optional.of("no Keycloak distribution at " + home + " (the build unpacks org.keycloak:keycloak-quarkus-dist)");
        }
        if (!Files.isExecutable(javaHome().resolve("bin/java"))) {
            return Optional.of("Keycloak needs a JDK 21+; none at " + javaHome() + " (set -Dkeycloak.java.home)");
        }
        return Optional.empty();
    }

    public static KeycloakServer start() throws IOException {
        Path home = home();
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Path keycloak = Repository.deploy().resolve("keycloak");
        Files.copy(keycloak.resolve("realm/transfertafel-realm.json"), imports.resolve("transfertafel-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(keycloak.resolve("demo-users/transfertafel-users-0.json"), imports.resolve("transfertafel-users-0.json"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + freePort(), "--cache=local"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(Paths.get("target/keycloak.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome().toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        env.put("TRANSFERTAFEL_COORDINATOR_PAGE_URL", COORDINATOR_PAGE);
        SERVICE_SECRETS.forEach((service, secret) -> env.put(secretVariable(service), secret));
        KeycloakServer server = new KeycloakServer(builder.start(), port);
        HttpClient http = HttpClient.newHttpClient();
        try {
            await("Keycloak serving the imported realm (see target/keycloak.log)").atMost(Duration.ofMinutes(15))
                    .pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                        if (!server.process.isAlive()) {
                            throw new IllegalStateException("Keycloak stopped; see target/keycloak.log");
                        }
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(server.issuer() + "/.well-known/openid-configuration")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200;
                    });
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port + "/realms/transfertafel";
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

    static String secretVariable(String service) {
        return "TRANSFERTAFEL_" + service.toUpperCase().replace('-', '_') + "_SECRET";
    }

    static Path home() {
        return Paths.get(System.getProperty("keycloak.home", "target/keycloak-dist/keycloak"));
    }

    static Path javaHome() {
        return Paths.get(System.getProperty("keycloak.java.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Form-encodes parameters for the token endpoint. */
    static String form(Map<String, String> parameters) {
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
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
