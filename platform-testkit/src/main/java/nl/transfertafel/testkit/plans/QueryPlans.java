package nl.transfertafel.testkit.plans;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query-plan checks on a database of their own (ADR 0330): a scratch database on the test JVM's
 * PostgreSQL, migrated by Flyway as the service migrates its own, and the {@code EXPLAIN (FORMAT JSON)}
 * of a repository's statement with its named parameters bound, read as the scans it plans. Spring R2DBC,
 * r2dbc-postgresql, Flyway and Jackson are optional here: the services that check plans have them.
 */
public final class QueryPlans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private QueryPlans() {
    }

    /** A fresh database {@code name} (dropped first if left over), migrated from these Flyway locations. */
    public static DatabaseClient scratchDatabase(String name, String... flywayLocations) throws SQLException {
        PostgresServer postgres = SharedEngines.postgres();
        try (Connection admin = postgres.connect(postgres.maintenanceDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name);
        }
        Flyway.configure().dataSource(postgres.jdbcUrl(name), postgres.username(), postgres.password())
                .locations(flywayLocations).load().migrate();
        return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(postgres.r2dbcUrl(name))
                .mutate().option(ConnectionFactoryOptions.USER, postgres.username())
                .option(ConnectionFactoryOptions.PASSWORD, postgres.password()).build()));
    }

    /** Drops the scratch database. */
    public static void drop(String name) throws SQLException {
        PostgresServer postgres = SharedEngines.postgres();
        try (Connection admin = postgres.connect(postgres.maintenanceDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
        }
    }

    /** The plan PostgreSQL makes for {@code sql} with these values bound (what it runs for the first executions). */
    public static Plan explain(DatabaseClient db, String sql, Map<String, Object> parameters) {
        DatabaseClient.GenericExecuteSpec explain = db.sql("explain (format json) " + sql);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            explain = explain.bind(parameter.getKey(), parameter.getValue());
        }
        String json = explain.map(row -> row.get(0) instanceof Json plan ? plan.asString() : String.valueOf(row.get(0)))
                .one().block();
        List<String> scans = new ArrayList<>();
        collectScans(JSON.readTree(json).get(0).get("Plan"), scans);
        return new Plan(json, List.copyOf(scans));
    }

    /**
     * A statement's plan: the JSON, and every scan in it as {@code "<node> on <table> [using <index>] rows=<n>"}
     * (or {@code "<node> using <index> rows=<n>"} where the node names no table).
     */
    public record Plan(String json, List<String> scans) {

        /** Whether the plan scans any of these tables whole. */
        public boolean scansWhole(Set<String> tables) {
            return scans.stream().anyMatch(scan -> scan.startsWith("Seq Scan on ") && tables.contains(scan.split(" ")[3]));
        }
    }

    private static void collectScans(JsonNode node, List<String> scans) {
        String type = node.path("Node Type").asString();
        if (node.has("Relation Name")) {
            scans.add(type + " on " + node.get("Relation Name").asString()
                    + (node.has("Index Name") ? " using " + node.get("Index Name").asString() : "")
                    + " rows=" + node.path("Plan Rows").asLong());
        } else if (node.has("Index Name")) {
            scans.add(type + " using " + node.get("Index Name").asString() + " rows=" + node.path("Plan Rows").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            collectScans(child, scans);
        }
    }
}
