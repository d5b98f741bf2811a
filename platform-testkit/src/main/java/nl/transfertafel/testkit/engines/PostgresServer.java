package nl.transfertafel.testkit.engines;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server to connect services to: an {@link EmbeddedPostgresServer} started by this JVM, or an
 * {@link ExternalPostgresServer} that somebody else runs.
 */
public interface PostgresServer extends AutoCloseable {

    /** The maintenance database of a freshly initialised cluster. */
    String MAINTENANCE_DATABASE = "postgres";

    String host();

    int port();

    String username();

    String password();

    /** {@code jdbc:postgresql://host:port/database}. */
    String jdbcUrl(String database);

    /** {@code r2dbc:postgresql://host:port/database}. */
    String r2dbcUrl(String database);

    /** A database that always exists, used to create the others. */
    default String maintenanceDatabase() {
        return MAINTENANCE_DATABASE;
    }

    /** Opens a JDBC connection to {@code database} as {@link #username()}. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /** Creates {@code database} unless it exists already; safe when several callers race. */
    default void createDatabaseIfMissing(String database) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database name must not be blank");
        }
        try (Connection connection = connect(maintenanceDatabase())) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 unique_violation: somebody else created it concurrently
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database '" + database + "' on " + jdbcUrl(database), e);
        }
    }

    /** Embedded: stops the server (and deletes its data when it lives in a temporary directory). External: no-op. */
    @Override
    void close();
}
