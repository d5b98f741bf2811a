package nl.transfertafel.hostile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The number of rows in every table of one service's database, in one statement. The tables are read from
 * the catalogue at start, so a new table is counted without changing this class. Left out: Flyway's history
 * and the job leases (bookkeeping of the schedulers, not data a request stores).
 */
final class RowCounts implements AutoCloseable {

    /** The consumer ledger: a change there means a Kafka consumer wrote while a probe ran. */
    static final String CONSUMER_LEDGER = "processed_event";

    private final Connection connection;
    private final String query;

    RowCounts(Connection connection) throws SQLException {
        this.connection = connection;
        List<String> tables = new ArrayList<>();
        try (var statement = connection.prepareStatement("""
                select table_schema, table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                  and table_name not in ('flyway_schema_history', 'job_lease')
                order by table_schema, table_name""");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(quote(rows.getString(1)) + "." + quote(rows.getString(2)));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in " + connection.getCatalog());
        }
        query = String.join(" union all ", tables.stream()
                .map(table -> "select '" + table.replace("\"", "").replace("public.", "") + "', count(*) from " + table)
                .toList());
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (var statement = connection.prepareStatement(query); var rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** Tables whose count changed from {@code before} to {@code after}, with the change. */
    static Map<String, Long> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> changed = new LinkedHashMap<>();
        after.forEach((table, count) -> {
            long delta = count - before.getOrDefault(table, 0L);
            if (delta != 0) {
                changed.put(table, delta);
            }
        });
        return changed;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
