package nl.transfertafel.platform.probe;

import java.sql.Connection;
import java.sql.Statement;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the platform's integration tests: one {@code @DynamicPropertySource} method for all
 * of them, so Spring's context cache sees one configuration and they share one probe context (one
 * consumer group member, one relay) instead of one per test class.
 */
@ProbeTest
public abstract class ProbeIntegrationTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        ProbeWiring.register(registry);
    }

    /**
     * An outage as the service sees it: the probe's database takes no new connections and drops the open
     * ones (the pool's too). Done from the maintenance database, which stays reachable for the test.
     */
    protected static void refuseConnections(boolean refuse) throws Exception {
        try (Connection admin = SharedEngines.postgres().connect(SharedEngines.postgres().maintenanceDatabase());
                Statement statement = admin.createStatement()) {
            statement.execute("alter database " + ProbeWiring.DATABASE + " allow_connections " + !refuse);
            if (refuse) {
                statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                        + ProbeWiring.DATABASE + "' and pid <> pg_backend_pid()");
            }
        }
    }
}
