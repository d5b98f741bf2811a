package nl.transfertafel.deploychecks.keycloak;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.transfertafel.deploychecks.Repository;

/**
 * deploy/keycloak's realm and demo users in a real Keycloak ({@link nl.transfertafel.testkit.oidc.KeycloakServer}
 * from platform-testkit, the one local-stack's walkthrough uses too), with this test's service secrets and
 * coordinator page address. Its log goes to target/keycloak.log.
 */
public final class KeycloakServer implements AutoCloseable {

    /** The client secrets the realm file reads from the environment (placeholders), for this test only. */
    public static final Map<String, String> SERVICE_SECRETS = Map.of(
            "intake-service", "it-intake-secret",
            "capacity-service", "it-capacity-secret",
            "transfer-table-service", "it-transfer-table-secret",
            "notification-service", "it-notification-secret");
    /** The Prometheus scraper's client secret (client credentials, role METRICS). */
    public static final String PROMETHEUS_SECRET = "it-prometheus-secret";
    public static final String COORDINATOR_PAGE = "http://127.0.0.1:18083/coordinator/";

    private final nl.transfertafel.testkit.oidc.KeycloakServer server;

    private KeycloakServer(nl.transfertafel.testkit.oidc.KeycloakServer server) {
        this.server = server;
    }

    /** Why Keycloak cannot run here, or empty when it can. */
    public static Optional<String> unavailable() {
        return nl.transfertafel.testkit.oidc.KeycloakServer.unavailable(home(), javaHome());
    }

    public static KeycloakServer start() throws IOException {
        Path keycloak = Repository.deploy().resolve("keycloak");
        Map<String, String> env = new HashMap<>();
        env.put("TRANSFERTAFEL_COORDINATOR_PAGE_URL", COORDINATOR_PAGE);
        SERVICE_SECRETS.forEach((service, secret) -> env.put(secretVariable(service), secret));
        env.put(secretVariable("prometheus"), PROMETHEUS_SECRET);
        return new KeycloakServer(nl.transfertafel.testkit.oidc.KeycloakServer.start(
                new nl.transfertafel.testkit.oidc.KeycloakServer.Setup(home(), javaHome(),
                        List.of(keycloak.resolve("realm/transfertafel-realm.json"),
                                keycloak.resolve("demo-users/transfertafel-users-0.json")),
                        env, Paths.get("target/keycloak.log"), null)));
    }

    public String issuer() {
        return server.issuer();
    }

    public String tokenEndpoint() {
        return server.tokenEndpoint();
    }

    public String authorizationEndpoint() {
        return server.authorizationEndpoint();
    }

    public String jwksUri() {
        return server.jwksUri();
    }

    static String secretVariable(String service) {
        return nl.transfertafel.testkit.oidc.KeycloakServer.secretVariable(service);
    }

    static Path home() {
        return nl.transfertafel.testkit.oidc.KeycloakServer.configuredHome();
    }

    static Path javaHome() {
        return nl.transfertafel.testkit.oidc.KeycloakServer.configuredJavaHome();
    }

    /** Form-encodes parameters for the token endpoint. */
    static String form(Map<String, String> parameters) {
        return nl.transfertafel.testkit.oidc.KeycloakServer.form(parameters);
    }

    @Override
    public void close() {
        server.close();
    }
}
