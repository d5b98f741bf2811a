package nl.transfertafel.harness.invariants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import nl.transfertafel.testkit.engines.PostgresServer;
import nl.transfertafel.testkit.engines.SharedEngines;

/**
 * Four fresh databases on the embedded PostgreSQL with the services' real migrations (read from the
 * sibling modules' sources, so the check is held to the tables as they are), for one test.
 */
final class SeededDatabases implements Databases {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, List<Path>> MIGRATIONS = Map.of(
            INTAKE, List.of(ROOT.resolve("intake-service/src/main/resources/db/intake-service")),
            CAPACITY, List.of(ROOT.resolve("capacity-service/src/main/resources/db/capacity-service")),
            TRANSFER_TABLE, List.of(ROOT.resolve("transfer-table-service/src/main/resources/db/transfer-table-service")),
            NOTIFICATION, List.of(ROOT.resolve("notification-service/src/main/resources/db/notification-service")));

    private final PostgresServer postgres = SharedEngines.postgres();
    private final Map<String, String> names = new LinkedHashMap<>();

    SeededDatabases() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (var entry : MIGRATIONS.entrySet()) {
            String name = "inv_" + entry.getKey().replace("-service", "").replace('-', '_') + "_" + suffix;
            postgres.createDatabaseIfMissing(name);
            names.put(entry.getKey(), name);
            try (Connection c = postgres.connect(name); Statement s = c.createStatement()) {
                for (Path script : scripts(ROOT.resolve("platform/src/main/resources/db/platform"), entry.getValue().get(0))) {
                    s.execute(Files.readString(script));
                }
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Cannot migrate " + name + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Connection connect(String service) throws SQLException {
        return postgres.connect(names.get(service));
    }

    /** Runs SQL in one service's database. */
    void sql(String service, String... statements) {
        try (Connection c = connect(service); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Flyway's order: V0_1 before V0_2 before V1 before V2 (version numbers, not file names). */
    private static List<Path> scripts(Path... directories) {
        return Stream.of(directories).flatMap(SeededDatabases::list)
                .sorted(Comparator.comparing(SeededDatabases::version))
                .toList();
    }

    private static Stream<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("V.*__.*\\.sql")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version(Path script) {
        String v = script.getFileName().toString().substring(1).split("__")[0];
        StringBuilder padded = new StringBuilder();
        for (String part : v.split("[._]")) {
            padded.append(String.format("%06d.", Integer.parseInt(part)));
        }
        return padded.toString();
    }
}
