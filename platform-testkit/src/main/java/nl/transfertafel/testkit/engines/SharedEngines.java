package nl.transfertafel.testkit.engines;

/**
 * The engines of this JVM: started lazily on first use, shared by every test class (and by the local
 * launcher), stopped by their JVM shutdown hooks.
 *
 * <ul>
 * <li>PostgreSQL: external when {@code TRANSFERTAFEL_POSTGRES_URL} is set (a base JDBC URL such as
 * {@code jdbc:postgresql://localhost:5432/postgres}, with {@code TRANSFERTAFEL_POSTGRES_USER} and
 * {@code TRANSFERTAFEL_POSTGRES_PASSWORD}), embedded otherwise.</li>
 * <li>Kafka: external when {@code TRANSFERTAFEL_KAFKA_BOOTSTRAP} is set, an in-process {@link KafkaEngine}
 * otherwise.</li>
 * <li>With {@code TRANSFERTAFEL_ENGINES=testcontainers} (or {@code ./mvnw verify -Ptestcontainers}) and no
 * external engine named: PostgreSQL and Kafka containers ({@link Containers}); without a Docker engine the
 * test asking for them is skipped with the reason, never failed.</li>
 * </ul>
 * Each variable may also be given as a system property of the same name.
 */
public final class SharedEngines {

    public static final String POSTGRES_URL = "TRANSFERTAFEL_POSTGRES_URL";
    public static final String POSTGRES_USER = "TRANSFERTAFEL_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "TRANSFERTAFEL_POSTGRES_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "TRANSFERTAFEL_KAFKA_BOOTSTRAP";

    private static PostgresServer postgres;
    private static KafkaEngine kafka;

    private SharedEngines() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            String url = setting(POSTGRES_URL);
            if (url != null) {
                postgres = ExternalPostgresServer.of(url, orDefault(setting(POSTGRES_USER), "postgres"),
                        orDefault(setting(POSTGRES_PASSWORD), ""));
            } else if (EngineMode.configured() == EngineMode.TESTCONTAINERS) {
                postgres = Containers.postgres();
            } else {
                postgres = EmbeddedPostgresServer.start(null, 0);
            }
        }
        return postgres;
    }

    /**
     * The bootstrap servers; for the embedded broker the address stays valid across
     * {@link KafkaEngine#stop()} / {@link KafkaEngine#restart()} (this does not restart a stopped broker).
     */
    public static String kafkaBootstrap() {
        String external = setting(KAFKA_BOOTSTRAP);
        if (external != null) {
            return external;
        }
        return EngineMode.configured() == EngineMode.TESTCONTAINERS ? kafkaContainer() : embeddedKafkaEngine().bootstrapServers();
    }

    private static String kafkaContainerBootstrap;

    private static synchronized String kafkaContainer() {
        if (kafkaContainerBootstrap == null) {
            kafkaContainerBootstrap = Containers.kafkaBootstrap();
        }
        return kafkaContainerBootstrap;
    }

    /**
     * The in-process broker, for tests that stop and restart it.
     *
     * @throws IllegalStateException when an external broker is configured
     */
    public static KafkaEngine embeddedKafka() {
        String external = setting(KAFKA_BOOTSTRAP);
        if (external != null) {
            throw new IllegalStateException(KAFKA_BOOTSTRAP + " points at an external broker (" + external
                    + "); this test needs the embedded KafkaEngine to stop and restart it. Unset "
                    + KAFKA_BOOTSTRAP + " to run it.");
        }
        if (EngineMode.configured() == EngineMode.TESTCONTAINERS) {
            org.junit.jupiter.api.Assumptions.abort("this test stops and restarts the in-process broker, which "
                    + EngineMode.VARIABLE + "=testcontainers replaces by a container");
        }
        return embeddedKafkaEngine();
    }

    /** Whether {@link #postgres()} is an external server ({@code TRANSFERTAFEL_POSTGRES_URL}). */
    public static boolean isPostgresExternal() {
        return setting(POSTGRES_URL) != null;
    }

    /** Whether {@link #kafkaBootstrap()} is an in-process broker (so {@link #embeddedKafka()} works). */
    public static boolean isKafkaEmbedded() {
        return setting(KAFKA_BOOTSTRAP) == null && EngineMode.configured() == EngineMode.EMBEDDED;
    }

    private static synchronized KafkaEngine embeddedKafkaEngine() {
        if (kafka == null) {
            kafka = KafkaEngine.start(null, 0);
        }
        return kafka;
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
