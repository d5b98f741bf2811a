package nl.transfertafel.localstack;

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
import nl.transfertafel.testkit.ServiceProperties;
import nl.transfertafel.testkit.engines.Ports;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.testkit.security.LocalTokenIssuer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default: a real PostgreSQL and a real Kafka broker (embedded, unless
 * {@code TRANSFERTAFEL_POSTGRES_URL} / {@code TRANSFERTAFEL_KAFKA_BOOTSTRAP} point elsewhere), the
 * local token issuer, an SMTP sink for notification-service's e-mail, the four services, and demo
 * data loaded through the services' own APIs.
 */
public final class LocalStack implements AutoCloseable {

    /** What to start. Port 0 picks free ports (tests); the defaults are the documented ones. */
    public record Options(Map<ServiceKind, Integer> ports, int tokenIssuerPort, boolean demoData, long seed) {

        public static Options fromEnvironment() {
            Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
            for (ServiceKind kind : ServiceKind.values()) {
                ports.put(kind, intEnv(kind.portVariable(), kind.defaultPort()));
            }
            return new Options(ports, intEnv("TOKEN_ISSUER_PORT", 8090),
                    !"false".equalsIgnoreCase(System.getenv("TRANSFERTAFEL_DEMO_DATA")),
                    intEnv("TRANSFERTAFEL_DEMO_SEED", 20261122));
        }

        public static Options randomPorts(boolean demoData) {
            Map<ServiceKind, Integer> ports = new EnumMap<>(ServiceKind.class);
            for (ServiceKind kind : ServiceKind.values()) {
                ports.put(kind, 0);
            }
            return new Options(ports, 0, demoData, 20261122);
        }

        static int intEnv(String name, int fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    private final LocalTokenIssuer tokens;
    private final GreenMail mailSink;
    private final Map<ServiceKind, ConfigurableApplicationContext> services = new EnumMap<>(ServiceKind.class);
    private final PostgresServer postgres;
    private final String kafkaBootstrap;
    private DemoLoader.Loaded loaded;

    private LocalStack(Options options) {
        postgres = SharedEngines.postgres();
        kafkaBootstrap = SharedEngines.kafkaBootstrap();
        tokens = LocalTokenIssuer.start(options.tokenIssuerPort());
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
                        ServiceProperties.wiring(postgres, kind.database(), kafkaBootstrap, tokens));
                properties.put("server.port", options.ports().get(kind));
                // services started earlier are known by their real (possibly random) port
                services.forEach((started, context) -> properties.put(
                        "transfertafel.services." + started.urlProperty(), url(started)));
                // one logging system serves the four contexts of this JVM: a single name would mislead
                properties.put("logging.include-application-name", "false");
                properties.put("transfertafel.security.cors-allowed-origins",
                        "http://127.0.0.1:*,http://localhost:*");
                // the coordinator page signs in at this stack's own token issuer
                properties.put("transfertafel.coordinator-ui.issuer-uri", tokens.issuer());
                if (kind == ServiceKind.NOTIFICATION) {
                    properties.put("spring.mail.host", "127.0.0.1");
                    properties.put("spring.mail.port", smtpPort);
                    // webhooks to a receiver on this machine over plain http (local only)
                    properties.put("transfertafel.notification.webhook.allow-insecure-localhost", true);
                }
                // as command-line arguments: they outrank the service's own <name>.yml defaults
                String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
                services.put(kind, kind.application().run(args));
            }
            if (options.demoData()) {
                loaded = new DemoLoader(this).load(DemoDataGenerator.generate(options.seed(),
                        DemoDataGenerator.Size.demo(), LocalDate.now()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public static LocalStack start(Options options) {
        return new LocalStack(options);
    }

    public String url(ServiceKind kind) {
        return "http://127.0.0.1:" + services.get(kind).getEnvironment().getProperty("local.server.port");
    }

    /** The SMTP sink: every e-mail notification-service sent, readable in tests and over IMAP. */
    public GreenMail mailSink() {
        return mailSink;
    }

    public LocalTokenIssuer tokens() {
        return tokens;
    }

    public String tokenFor(DemoUser user) {
        return tokens.tokenFor(user);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    @Override
    public void close() {
        List<ServiceKind> kinds = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(kinds);
        for (ServiceKind kind : kinds) {
            services.get(kind).close();
        }
        services.clear();
        tokens.close();
        mailSink.stop();
    }

    public static void main(String[] args) throws InterruptedException {
        Instant started = Instant.now();
        LocalStack stack = start(Options.fromEnvironment());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
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
        out.append(String.format("  %-24s %s   (tokens: %s/token?username=<user>)%n", "token issuer",
                tokens.issuer(), tokens.issuer()));
        out.append(String.format("  %-24s %s%n", "postgres", postgres.jdbcUrl("<service>")
                + "  user " + postgres.username()));
        out.append(String.format("  %-24s %s%n", "kafka", kafkaBootstrap));
        out.append(String.format("  %-24s smtp://127.0.0.1:%d   (read the mail over IMAP at 127.0.0.1:%d,"
                        + " user and password = the recipient's address)%n", "smtp sink (e-mail)",
                mailSink.getSmtp().getPort(), mailSink.getImap().getPort()));
        out.append("  demo users: ");
        out.append(String.join(", ", DemoUsers.ALL.stream().map(DemoUser::username).toList())).append('\n');
        if (loaded != null) {
            out.append("  demo data: ").append(loaded).append('\n');
        }
        out.append("Press Ctrl-C to stop everything.\n");
        System.out.println(out);
    }
}
