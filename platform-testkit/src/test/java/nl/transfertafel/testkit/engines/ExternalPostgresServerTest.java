package nl.transfertafel.testkit.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ExternalPostgresServerTest {

    @Test
    void parses_a_base_jdbc_url() {
        ExternalPostgresServer server = ExternalPostgresServer.of("jdbc:postgresql://db.example:6543/admin?sslmode=require",
                "svc", "secret");

        assertThat(server.host()).isEqualTo("db.example");
        assertThat(server.port()).isEqualTo(6543);
        assertThat(server.username()).isEqualTo("svc");
        assertThat(server.password()).isEqualTo("secret");
        assertThat(server.maintenanceDatabase()).isEqualTo("admin");
        assertThat(server.jdbcUrl("intake")).isEqualTo("jdbc:postgresql://db.example:6543/intake?sslmode=require");
        assertThat(server.r2dbcUrl("intake")).isEqualTo("r2dbc:postgresql://db.example:6543/intake");
    }

    @Test
    void defaults_to_port_5432_and_the_postgres_database() {
        ExternalPostgresServer server = ExternalPostgresServer.of("jdbc:postgresql://localhost", "postgres", null);

        assertThat(server.port()).isEqualTo(5432);
        assertThat(server.maintenanceDatabase()).isEqualTo("postgres");
        assertThat(server.password()).isEmpty();
        assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://localhost:5432/x");
    }

    @Test
    void rejects_what_it_cannot_handle() {
        assertThatThrownBy(() -> ExternalPostgresServer.of("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExternalPostgresServer.of("jdbc:postgresql://a:5432,b:5432/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creates_databases_on_a_server_it_did_not_start_and_never_stops_it() throws Exception {
        PostgresServer running = SharedEngines.postgres();
        ExternalPostgresServer external = ExternalPostgresServer.of(
                running.jdbcUrl(running.maintenanceDatabase()), running.username(), running.password());

        external.createDatabaseIfMissing("external_test");
        external.close();

        try (Connection connection = external.connect("external_test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("external_test");
        }
    }
}
