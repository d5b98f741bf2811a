package nl.transfertafel.harness.cpu;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.transfertafel.harness.invariants.Databases;

/**
 * PostgreSQL's own counters of each service's database, read before and after a load phase so the
 * difference says what one referral cost the database: transactions committed, rows written, and per
 * table the sequential scans and the rows they read (a scan per event over a growing table is the cost
 * that grows with the waiting list). With {@code pg_stat_statements} loaded (the embedded server loads it
 * when {@code TRANSFERTAFEL_PG_STAT_STATEMENTS=true}) also every statement's calls and time.
 */
public final class PostgresCounters {

    /** One snapshot: counter name → value, e.g. {@code intake-service.xact_commit}, {@code intake-service.referral.seq_scan}. */
    public record Snapshot(Map<String, Long> counters, Map<String, StatementCalls> statements) {

        public Map<String, Long> minus(Snapshot before) {
            Map<String, Long> delta = new LinkedHashMap<>();
            counters.forEach((k, v) -> delta.put(k, v - before.counters.getOrDefault(k, 0L)));
            return delta;
        }

        /** Statements that ran in between, most calls first. */
        public List<StatementCalls> statementsSince(Snapshot before) {
            List<StatementCalls> ran = new ArrayList<>();
            statements.forEach((key, now) -> {
                StatementCalls then = before.statements.get(key);
                long calls = now.calls() - (then == null ? 0 : then.calls());
                double millis = now.totalMillis() - (then == null ? 0 : then.totalMillis());
                long rows = now.rows() - (then == null ? 0 : then.rows());
                if (calls > 0) {
                    ran.add(new StatementCalls(now.database(), now.query(), calls, millis, rows));
                }
            });
            ran.sort(Comparator.comparingLong(StatementCalls::calls).reversed());
            return ran;
        }
    }

    /** A statement of pg_stat_statements: its database, normalised text, calls, execution time and rows. */
    public record StatementCalls(String database, String query, long calls, double totalMillis, long rows) {
    }

    private final Databases databases;
    private final List<String> services;
    private final String maintenanceUrl;
    private final String user;
    private final String password;
    private boolean statementsAvailable;

    public PostgresCounters(Databases databases, List<String> services, String maintenanceUrl, String user,
            String password) {
        this.databases = databases;
        this.services = services;
        this.maintenanceUrl = maintenanceUrl;
        this.user = user;
        this.password = password;
        this.statementsAvailable = enableStatements();
    }

    public boolean statementsAvailable() {
        return statementsAvailable;
    }

    private boolean enableStatements() {
        try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("show shared_preload_libraries")) {
                rs.next();
                if (!rs.getString(1).contains("pg_stat_statements")) {
                    return false;
                }
            }
            s.execute("create extension if not exists pg_stat_statements");
            return true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements not available: " + e.getMessage());
            return false;
        }
    }

    public Snapshot read() throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String service : services) {
            try (Connection c = databases.connect(service); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("""
                        select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched
                        from pg_stat_database where datname = current_database()""")) {
                    rs.next();
                    for (String column : List.of("xact_commit", "xact_rollback", "tup_inserted", "tup_updated",
                            "tup_deleted", "tup_returned", "tup_fetched")) {
                        counters.put(service + "." + column, rs.getLong(column));
                    }
                }
                try (ResultSet rs = s.executeQuery("""
                        select relname, seq_scan, seq_tup_read, coalesce(idx_scan, 0) as idx_scan, n_tup_ins, n_tup_upd,
                               n_tup_del, n_live_tup from pg_stat_user_tables""")) {
                    while (rs.next()) {
                        String table = service + "." + rs.getString("relname");
                        for (String column : List.of("seq_scan", "seq_tup_read", "idx_scan", "n_tup_ins", "n_tup_upd",
                                "n_tup_del", "n_live_tup")) {
                            counters.put(table + "." + column, rs.getLong(column));
                        }
                    }
                }
            }
        }
        Map<String, StatementCalls> statements = new LinkedHashMap<>();
        if (statementsAvailable) {
            try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("""
                            select d.datname, s.queryid, s.query, s.calls, s.total_exec_time, s.rows
                            from pg_stat_statements s join pg_database d on d.oid = s.dbid""")) {
                while (rs.next()) {
                    String key = rs.getString("datname") + "/" + rs.getLong("queryid");
                    statements.merge(key, new StatementCalls(rs.getString("datname"), rs.getString("query"),
                            rs.getLong("calls"), rs.getDouble("total_exec_time"), rs.getLong("rows")),
                            (a, b) -> new StatementCalls(a.database(), a.query(), a.calls() + b.calls(),
                                    a.totalMillis() + b.totalMillis(), a.rows() + b.rows()));
                }
            } catch (SQLException e) {
                System.out.println("pg_stat_statements unreadable: " + e.getMessage());
                statementsAvailable = false;
            }
        }
        return new Snapshot(counters, statements);
    }
}
