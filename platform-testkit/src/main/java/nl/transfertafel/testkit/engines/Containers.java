package nl.transfertafel.testkit.engines;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers path: PostgreSQL and Kafka as containers, one of each per JVM, stopped with it. Used by
 * {@link SharedEngines} when {@link EngineMode#TESTCONTAINERS} is asked for. Without a Docker engine nothing
 * is started: the calling test is aborted with the reason (reported as skipped), never failed.
 */
public final class Containers {

    /** The images: the versions the deploy kit runs (Compose, the chart). */
    public static final String POSTGRES_IMAGE = "postgres:17-alpine";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private static Optional<String> dockerUnavailable;

    private Containers() {
    }

    /** Why no container can start here, or empty when a Docker engine answers. Asked once per JVM. */
    public static synchronized Optional<String> dockerUnavailable() {
        if (dockerUnavailable == null) {
            boolean available;
            String detail = "";
            try {
                available = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                available = false;
                detail = " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            }
            dockerUnavailable = available ? Optional.empty()
                    : Optional.of(EngineMode.VARIABLE + "=testcontainers, but no Docker engine was found" + detail
                            + ": tests on PostgreSQL, Kafka or Keycloak containers are skipped. Start Docker (or point"
                            + " DOCKER_HOST at one), or leave " + EngineMode.VARIABLE + " unset for the embedded engines.");
        }
        return dockerUnavailable;
    }

    /** Aborts the calling test (skipped, with the reason) when no Docker engine is here. */
    public static void assumeDocker() {
        dockerUnavailable().ifPresent(Assumptions::abort);
    }

    static PostgresServer postgres() {
        assumeDocker();
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                // the same throwaway settings as the embedded engine's tests
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=400");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        return ExternalPostgresServer.of("jdbc:postgresql://" + container.getHost() + ":"
                + container.getMappedPort(5432) + "/postgres", container.getUsername(), container.getPassword());
    }

    static String kafkaBootstrap() {
        assumeDocker();
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
        return container.getBootstrapServers();
    }
}
