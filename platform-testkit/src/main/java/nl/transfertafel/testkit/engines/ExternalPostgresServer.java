package nl.transfertafel.testkit.engines;

import java.net.URI;
import java.util.Objects;

/**
 * A PostgreSQL server that runs elsewhere (a CI service container, a developer's own installation). Built
 * from a base JDBC URL such as {@code jdbc:postgresql://db.example:5432/postgres}; the database in that URL
 * only serves as the maintenance database for {@link #createDatabaseIfMissing(String)}. A query string
 * (e.g. {@code ?sslmode=require}) is kept on the JDBC URLs. {@link #close()} does nothing.
 */
public final class ExternalPostgresServer implements PostgresServer {

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String maintenanceDatabase;
    private final String jdbcQuery;

    private ExternalPostgresServer(String host, int port, String username, String password,
            String maintenanceDatabase, String jdbcQuery) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.maintenanceDatabase = maintenanceDatabase;
        this.jdbcQuery = jdbcQuery;
    }

    /**
     * @param baseJdbcUrl {@code jdbc:postgresql://host[:port][/database][?query]}; one host only
     */
    public static ExternalPostgresServer of(String baseJdbcUrl, String username, String password) {
        Objects.requireNonNull(baseJdbcUrl, "baseJdbcUrl");
        String prefix = "jdbc:postgresql://";
        if (!baseJdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("Expected a URL like jdbc:postgresql://host:5432/postgres, got " + baseJdbcUrl);
        }
        URI uri = URI.create("postgresql://" + baseJdbcUrl.substring(prefix.length()));
        if (uri.getHost() == null || baseJdbcUrl.substring(prefix.length()).split("[/?]", 2)[0].contains(",")) {
            throw new IllegalArgumentException("Expected exactly one host in " + baseJdbcUrl);
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String maintenance = path.isEmpty() ? MAINTENANCE_DATABASE : path;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new ExternalPostgresServer(uri.getHost(), port, username, password == null ? "" : password,
                maintenance, query);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String password() {
        return password;
    }

    /** The database named in the base URL. */
    @Override
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostPort() + "/" + database + jdbcQuery;
    }

    @Override
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + hostPort() + "/" + database;
    }

    @Override
    public void createDatabaseIfMissing(String database) {
        if (database.equals(maintenanceDatabase)) {
            return;
        }
        PostgresServer.super.createDatabaseIfMissing(database);
    }

    private String hostPort() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return h + ":" + port;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return "ExternalPostgresServer[" + hostPort() + ", user=" + username + "]";
    }
}
