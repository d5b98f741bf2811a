package nl.transfertafel.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.transfertafel.demo.DemoDataGenerator;
import nl.transfertafel.fhirgateway.FhirGatewayApplication;
import nl.transfertafel.localstack.logging.ServiceNameInEcsLogs;
import nl.transfertafel.localstack.logging.ServiceOfLogLine;
import nl.transfertafel.testkit.ServiceProperties;
import nl.transfertafel.testkit.engines.EmbeddedPostgresServer;
import nl.transfertafel.testkit.engines.KafkaEngine;
import nl.transfertafel.testkit.engines.Ports;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.oidc.OidcIssuer;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: a real PostgreSQL and a real Kafka broker (embedded, unless
 * {@code TRANSFERTAFEL_POSTGRES_URL} / {@code TRANSFERTAFEL_KAFKA_BOOTSTRAP} point elsewhere), the
 * local token issuer, an SMTP sink for notification-service's e-mail, the four services, the FHIR R4
 * gateway in front of them ({@code fhir-gateway}, port 8085), and demo data loaded through the services'
 * own APIs.
 *
 * <p>Two ways to run it. Started by {@code ./run-local.sh} it keeps its data in a {@link DataFolder}: its own
 * PostgreSQL (durable settings) and Kafka on that folder, demo data only when the folder was empty, and
 * {@code stack.json} there once it is up. Started by a test ({@link Options#randomPorts}) it starts throwaway
 * engines of its own (temporary directories, fast non-durable settings; {@link #ownTestEngines()}), so two
 * stacks of one JVM share nothing.
 * {@link #close()} stops the services first, then the engines this stack owns.
 *
 * <p>{@code --cluster} runs the same system as separate processes instead: see
 * {@link nl.transfertafel.localstack.cluster.ClusterStack}.
 */
public final class LocalStack implements AutoCloseable {

    /**
     * What to start. Port 0 picks free ports (tests); the defaults are the documented ones. With a data
     * folder the stack runs its own durable engines on it; without one ({@code null}) throwaway engines of its
     * own (or the external ones of {@code SharedEngines}, see {@link #ownTestEngines()}).
     */
    public record Options(Map<ServiceKind, Integer> ports, int tokenIssuerPort, boolean demoData, long seed,
            Path dataDir, boolean fresh, ExternalIssuer externalIssuer) {

        public static Options fromEnvironment() {
            return from(LaunchOptions.parse(new String[0], System.getenv()));
        }

        /** The launcher's options: the documented ports (or free ones), the data folder, demo data. */
        public static Options from(LaunchOptions launch) {
            Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
            for (ServiceKind kind : ServiceKind.values()) {
                ports.put(kind, launch.randomPorts() ? 0 : intEnv(kind.portVariable(), kind.defaultPort()));
            }
            ExternalIssuer external = launch.issuerUri() == null ? null
                    : new ExternalIssuer(launch.issuerUri(), launch.audience(), ExternalIssuer.secretsFromEnvironment());
            return new Options(ports, launch.randomPorts() ? 0 : intEnv("TOKEN_ISSUER_PORT", 8090),
                    launch.demoData(), launch.seed(), launch.dataDir(), launch.fresh(), external);
        }

        public static Options randomPorts(boolean demoData) {
            Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
            for (ServiceKind kind : ServiceKind.values()) {
                ports.put(kind, 0);
            }
            return new Options(ports, 0, demoData, 20261122, null, false, null);
        }

        /** The same, trusting an external OIDC provider instead of the local token issuer (no demo data then). */
        public Options withExternalIssuer(ExternalIssuer issuer) {
            return new Options(ports, tokenIssuerPort, false, seed, dataDir, fresh, issuer);
        }

        /** The same with one service on a given port (a redirect URI registered at a provider names it). */
        public Options withPort(ServiceKind kind, int port) {
            Map<ServiceKind, Integer> changed = new EnumMap<>(ports);
            changed.put(kind, port);
            return new Options(changed, tokenIssuerPort, demoData, seed, dataDir, fresh, externalIssuer);
        }

        static int intEnv(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    /**
     * An OIDC provider outside the stack (Keycloak with deploy/keycloak's realm): its issuer, the audience the
     * services require, and each service's client secret (by service name) for its client-credentials token.
     */
    public record ExternalIssuer(String issuerUri, String audience, Map<String, String> serviceSecrets) {

        public ExternalIssuer {
            serviceSecrets = Map.copyOf(serviceSecrets);
        }

        /** {@code TRANSFERTAFEL_<SERVICE>_SERVICE_SECRET}, the variables deploy/keycloak's realm reads too. */
        static Map<String, String> secretsFromEnvironment() {
            Map<String, String> secrets = new java.util.HashMap<>();
            for (ServiceKind kind : ServiceKind.values()) {
                String variable = "TRANSFERTAFEL_" + kind.serviceName().toUpperCase().replace('-', '_') + "_SECRET";
                String value = System.getenv(variable);
                if (value == null || value.isBlank()) {
                    throw new IllegalArgumentException("--issuer-uri: set " + variable + " to " + kind.serviceName()
                            + "'s client secret at the OIDC provider");
                }
                secrets.put(kind.serviceName(), value.trim());
            }
            return secrets;
        }
    }

    private final LocalTokenIssuer tokens; // null when an external provider issues the tokens
    private final OidcIssuer identity;
    private final GreenMail mailSink;
    private final Map<ServiceKind, ConfigurableApplicationContext> services = new EnumMap<>(ServiceKind.class);
    private ConfigurableApplicationContext fhirGateway;
    private final PostgresServer postgres;
    private final String kafkaBootstrap;
    private final DataFolder folder;
    private final List<AutoCloseable> ownEngines = new ArrayList<>(); // stopped after the services, last first
    private DemoLoader.Loaded loaded;

    private LocalStack(Options options) {
        folder = options.dataDir() == null ? null
                : DataFolder.open(options.dataDir(), DataFolder.Mode.SINGLE_JVM, options.fresh());
        // Engines somebody else runs (TRANSFERTAFEL_POSTGRES_URL, TRANSFERTAFEL_KAFKA_BOOTSTRAP, Testcontainers) are
        // shared through SharedEngines. Otherwise the stack runs its own: durable ones on its data folder, or, for
        // a stack of a test, throwaway ones (temporary directories, fast settings), so the stacks of one test JVM
        // never see each other's capacity, referrals or events and the IT classes can share one JVM (ADR 1113).
        if (SharedEngines.isPostgresExternal() || (folder == null && !ownTestEngines())) {
            postgres = SharedEngines.postgres();
        } else {
            EmbeddedPostgresServer own = (folder == null ? EmbeddedPostgresServer.start(null, 0)
                    : EmbeddedPostgresServer.start(folder.postgres(), 0, EmbeddedPostgresServer.DURABLE_SETTINGS))
                    .closedByOwner();
            ownEngines.add(own);
            postgres = own;
        }
        if (!SharedEngines.isKafkaEmbedded()) {
            kafkaBootstrap = SharedEngines.kafkaBootstrap();
        } else {
            KafkaEngine own = KafkaEngine.start(folder == null ? null : folder.resolve("kafka"), 0).closedByOwner();
            ownEngines.add(own);
            kafkaBootstrap = own.bootstrapServers();
        }
        if (options.externalIssuer() == null) {
            tokens = LocalTokenIssuer.start(options.tokenIssuerPort());
            identity = OidcIssuer.of(tokens);
        } else {
            tokens = null;
            ExternalIssuer external = options.externalIssuer();
            identity = OidcIssuer.discover(external.issuerUri(), external.audience(), external.serviceSecrets());
        }
        // random ports when the token issuer's is random (tests), the documented ones otherwise
        int smtpPort = options.tokenIssuerPort() == 0 ? Ports.freePort() : Options.intEnv("SMTP_SINK_PORT", 3025);
        int imapPort = options.tokenIssuerPort() == 0 ? Ports.freePort() : Options.intEnv("IMAP_SINK_PORT", 3143);
        mailSink = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mailSink.start();
        try {
            for (ServiceKind kind : ServiceKind.values()) {
                Map<String, Object> properties = new java.util.LinkedHashMap<>(
                        ServiceProperties.wiring(postgres, kind.database(), kafkaBootstrap, identity, kind.serviceName()));
                properties.put("server.port", options.ports().get(kind));
                // services started earlier are known by their real (possibly random) port
                services.forEach((started, context) -> properties.put(
                        "transfertafel.services." + started.urlProperty(), url(started)));
                // one logging system serves the four contexts of this JVM: a single name would mislead
                properties.put("logging.include-application-name", "false");
                // ...so structured (ECS) lines name the service whose work wrote them, else the stack itself
                properties.put("logging.structured.ecs.service.name", "local-stack");
                properties.put("logging.structured.json.customizer", ServiceNameInEcsLogs.class.getName());
                // this stack closes the contexts itself, before the engines (see close())
                properties.put("spring.main.register-shutdown-hook", "false");
                properties.put("transfertafel.security.cors-allowed-origins",
                        "http://127.0.0.1:*,http://localhost:*");
                // the coordinator page signs in where the services' tokens come from
                properties.put("transfertafel.coordinator-ui.issuer-uri", identity.issuer());
                if (kind == ServiceKind.NOTIFICATION) {
                    properties.put("spring.mail.host", "127.0.0.1");
                    properties.put("spring.mail.port", smtpPort);
                    // webhooks to a receiver on this machine over plain http (local only)
                    properties.put("transfertafel.notification.webhook.allow-insecure-localhost", true);
                }
                // as command-line arguments: they outrank the service's own <name>.yml defaults
                String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                services.put(kind, kind.application().initializers(context -> context.getBeanFactory()
                        .registerSingleton("serviceOfLogLine", new ServiceOfLogLine.Handler(kind.serviceName()))).run(args));
            }
            fhirGateway = startFhirGateway(options.tokenIssuerPort() == 0 ? 0 : Options.intEnv("FHIR_GATEWAY_PORT", 8085));
            // kept data: demo data only into an empty folder, never a second time on top of real work
            if (options.demoData() && tokens != null && (folder == null || folder.isEmpty())) {
                loaded = new DemoLoader(this::url, tokens).load(DemoDataGenerator.generate(options.seed(),
                        DemoDataGenerator.Size.demo(), LocalDate.now()));
            }
            if (folder != null) {
                writeStackFile();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Whether a stack of a test starts throwaway engines of its own: yes, unless the tests run on engines
     * somebody else runs (an external PostgreSQL or Kafka, Testcontainers). Those are shared by every stack
     * of the JVM, so local-stack's pom runs each IT class in a JVM of its own then (profile shared-engines).
     */
    public static boolean ownTestEngines() {
        return !SharedEngines.isPostgresExternal() && SharedEngines.isKafkaEmbedded();
    }

    public static LocalStack start(Options options) {
        return new LocalStack(options);
    }

    public String url(ServiceKind kind) {
        return "http://127.0.0.1:" + services.get(kind).getEnvironment().getProperty("local.server.port");
    }

    /** The FHIR R4 gateway's root; its FHIR base is {@code <this>/fhir}. */
    public String fhirGatewayUrl() {
        return "http://127.0.0.1:" + fhirGateway.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The FHIR R4 gateway (ADR 1100) in this JVM, in front of the services just started: it stores nothing and
     * forwards each caller's token, so it needs only where the services answer. Its own auto-configuration
     * keeps the platform's (security, database, Kafka) out of it.
     */
    private ConfigurableApplicationContext startFhirGateway(int port) {
        return FhirGatewayApplication.application().run(
                "--server.port=" + port,
                "--transfertafel.fhir-gateway.intake-url=" + url(ServiceKind.INTAKE),
                "--transfertafel.fhir-gateway.capacity-url=" + url(ServiceKind.CAPACITY),
                "--transfertafel.fhir-gateway.transfer-table-url=" + url(ServiceKind.TRANSFER_TABLE),
                "--transfertafel.fhir-gateway.notification-url=" + url(ServiceKind.NOTIFICATION),
                "--logging.include-application-name=false",
                "--spring.main.register-shutdown-hook=false");
    }

    /** The SMTP sink: every e-mail notification-service sent, readable in tests and over IMAP. */
    public GreenMail mailSink() {
        return mailSink;
    }

    /** The local token issuer, or null when the stack trusts an external OIDC provider. */
    public LocalTokenIssuer tokens() {
        return tokens;
    }

    /** The identity provider the services trust (the local token issuer or an external one). */
    public OidcIssuer identity() {
        return identity;
    }

    public String tokenFor(DemoUser user) {
        if (tokens == null) {
            throw new IllegalStateException("this stack trusts " + identity.issuer() + ": get tokens there");
        }
        return tokens.tokenFor(user);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** The data folder this stack keeps its data in, or {@code null} when it runs on the test JVM's engines. */
    public Path dataDir() {
        return folder == null ? null : folder.root();
    }

    /** The gateway, the services (their relays and consumers still reach the engines), then the engines this stack owns. */
    @Override
    public void close() {
        if (fhirGateway != null) {
            try {
                fhirGateway.close();
            } catch (RuntimeException e) {
                System.err.println("Stopping fhir-gateway failed: " + e);
            }
            fhirGateway = null;
        }
        List<ServiceKind> kinds = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(kinds);
        for (ServiceKind kind : kinds) {
            try {
                services.get(kind).close();
            } catch (RuntimeException e) {
                System.err.println("Stopping " + kind.serviceName() + " failed: " + e);
            }
        }
        services.clear();
        if (tokens != null) {
            tokens.close();
        }
        if (mailSink != null) {
            mailSink.stop();
        }
        for (int i = ownEngines.size() - 1; i >= 0; i--) {
            try {
                ownEngines.get(i).close();
            } catch (Exception e) {
                System.err.println("Stopping " + ownEngines.get(i) + " failed: " + e);
            }
        }
        ownEngines.clear();
    }

    /** {@code <data-dir>/stack.json}: the format of the cluster's {@code cluster.json}, for one JVM. */
    private void writeStackFile() {
        Map<String, Object> file = new java.util.LinkedHashMap<>();
        file.put("ready", true);
        file.put("mode", "single-jvm");
        file.put("pid", ProcessHandle.current().pid());
        file.put("dataDir", folder.root().toString());
        Map<String, Object> pg = new java.util.LinkedHashMap<>();
        pg.put("host", postgres.host());
        pg.put("port", postgres.port());
        pg.put("user", postgres.username());
        pg.put("password", postgres.password());
        Map<String, String> databases = new java.util.LinkedHashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            databases.put(kind.serviceName(), kind.database());
        }
        pg.put("databases", databases);
        file.put("postgres", pg);
        file.put("kafka", Map.of("bootstrap", kafkaBootstrap));
        file.put("tokenIssuer", Map.of("url", identity.issuer(), "local", tokens != null));
        file.put("smtpSink", Map.of("smtpPort", mailSink.getSmtp().getPort(), "imapPort", mailSink.getImap().getPort()));
        List<Map<String, Object>> list = new ArrayList<>();
        for (ServiceKind kind : ServiceKind.values()) {
            list.add(Map.of("name", kind.serviceName(), "instance", 1, "url", url(kind)));
        }
        file.put("services", list);
        file.put("fhirGateway", Map.of("url", fhirGatewayUrl(), "fhirBase", fhirGatewayUrl() + "/fhir"));
        StackFile.write(folder.resolve("stack.json"), file);
    }

    public static void main(String[] args) throws Exception {
        if (LaunchOptions.wantsHelp(args)) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        LaunchOptions launch;
        try {
            launch = LaunchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (launch.cluster()) {
            nl.transfertafel.localstack.cluster.ClusterStack.main(launch);
            return;
        }
        Instant started = Instant.now();
        // the stop hook is in place before anything starts: a Ctrl-C during start-up stops what started
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack[] running = new LocalStack[1];
        Thread stop = new Thread(() -> {
            LocalStack stack;
            synchronized (running) {
                stack = running[0];
            }
            if (stack != null) {
                System.out.println("\nStopping the local stack: services first, then Kafka and PostgreSQL...");
                stack.close();
                System.out.println("Stopped.");
            }
            stopped.countDown();
        }, "local-stack-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        LocalStack stack = start(Options.from(launch));
        synchronized (running) {
            running[0] = stack;
        }
        stack.printBanner(Duration.between(started, Instant.now()));
        stopped.await();
    }

    private void printBanner(Duration startup) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== Transfertafel local stack is up (").append(startup.toSeconds()).append(" s) ===\n");
        for (ServiceKind kind : ServiceKind.values()) {
            out.append(String.format("  %-24s %s   (OpenAPI: %s/v3/api-docs, UI: %s/swagger-ui.html)%n",
                    kind.serviceName(), url(kind), url(kind), url(kind)));
        }
        if (tokens != null) {
            out.append(String.format("  %-24s %s   (tokens: %s/token?username=<user>)%n", "token issuer",
                    tokens.issuer(), tokens.issuer()));
        } else {
            out.append(String.format("  %-24s %s   (external; token endpoint %s, audience %s)%n", "OIDC provider",
                    identity.issuer(), identity.tokenUri(), identity.audience().isBlank() ? "not checked" : identity.audience()));
        }
        out.append(String.format("  %-24s %s%n", "postgres", postgres.jdbcUrl("<service>")
                + "  user " + postgres.username()));
        out.append(String.format("  %-24s %s%n", "kafka", kafkaBootstrap));
        out.append(String.format("  %-24s %s/fhir   (FHIR R4; CapabilityStatement: %s/fhir/metadata)%n", "fhir-gateway",
                fhirGatewayUrl(), fhirGatewayUrl()));
        if (folder != null) {
            out.append(String.format("  %-24s %s   (durable; ./run-local.sh --fresh starts empty)%n", "data folder",
                    folder.root()));
        }
        out.append(String.format("  %-24s smtp://127.0.0.1:%d   (read the mail over IMAP at 127.0.0.1:%d,"
                        + " user and password = the recipient's address)%n", "smtp sink (e-mail)",
                mailSink.getSmtp().getPort(), mailSink.getImap().getPort()));
        if (tokens != null) {
            out.append("  demo users: ");
            out.append(String.join(", ", DemoUsers.ALL.stream().map(DemoUser::username).toList())).append('\n');
        } else {
            out.append("  users: those of the OIDC provider (deploy/keycloak's optional demo users: the README's, password demo);"
                    + " no demo data (see deploy/README.md for the walkthrough)\n");
        }
        if (loaded != null) {
            out.append("  demo data: ").append(loaded).append('\n');
        }
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }
}
