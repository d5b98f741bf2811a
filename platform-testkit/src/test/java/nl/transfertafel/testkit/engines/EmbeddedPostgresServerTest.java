package nl.transfertafel.testkit.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @Test
    void starts_creates_a_database_and_answers_queries_over_jdbc() throws SQLException {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0)) {
            assertThat(postgres.host()).isEqualTo("127.0.0.1");
            assertThat(postgres.port()).isPositive();
            assertThat(postgres.jdbcUrl("intake")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/intake");
            assertThat(postgres.r2dbcUrl("intake")).isEqualTo("r2dbc:postgresql://127.0.0.1:" + postgres.port() + "/intake");

            postgres.createDatabaseIfMissing("intake");
            postgres.createDatabaseIfMissing("intake"); // idempotent

            try (Connection connection = postgres.connect("intake"); Statement statement = connection.createStatement()) {
                statement.execute("create table referral (id int primary key, region text not null)");
                statement.execute("insert into referral values (1, 'rotterdam'), (2, 'utrecht')");
                try (ResultSet rs = statement.executeQuery(
                        "select current_database(), count(*), current_setting('fsync'), version() from referral")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("intake");
                    assertThat(rs.getInt(2)).isEqualTo(2);
                    assertThat(rs.getString(3)).isEqualTo("off");
                    assertThat(rs.getString(4)).startsWith("PostgreSQL 14");
                }
            }
        }
    }

    @Test
    void close_stops_the_server_and_removes_its_temporary_data() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        Path dataDir = postgres.dataDirectory();
        long postmasterPid = postmasterPid(dataDir);
        assertThat(ProcessHandle.of(postmasterPid)).map(ProcessHandle::isAlive).contains(true);

        postgres.close();

        assertThat(postgres.isRunning()).isFalse();
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        assertThat(dataDir.getParent()).doesNotExist();
        assertThatThrownBy(() -> postgres.connect("postgres")).isInstanceOf(SQLException.class);
    }

    @Test
    void a_given_data_directory_is_kept_and_reused(@TempDir Path tmp) throws Exception {
        // reachable for an unprivileged postgres user too (setpriv mode needs that; harmless otherwise)
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = tmp.resolve("pgdata");
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dataDir, 0)) {
            first.createDatabaseIfMissing("kept");
            try (Connection c = first.connect("kept"); Statement s = c.createStatement()) {
                s.execute("create table note (text text); insert into note values ('survives a restart')");
            }
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dataDir, 0);
                Connection c = second.connect("kept");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select text from note")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives a restart");
        }
        assertThat(dataDir).isDirectory();
    }

    @Test
    void runs_as_an_unprivileged_user_when_the_jvm_is_root() {
        Unprivileged runAs = Unprivileged.detect();
        if (Unprivileged.isRoot()) {
            assertThat(runAs.mode).isIn(Unprivileged.Mode.UNSHARE, Unprivileged.Mode.SETPRIV);
            assertThat(runAs.uid).isNotZero();
        } else {
            assertThat(runAs.mode).isEqualTo(Unprivileged.Mode.DIRECT);
        }
    }

    private static long postmasterPid(Path dataDir) {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void statement_statistics_load_only_when_asked_for() {
        assertThat(EmbeddedPostgresServer.statementStatistics(java.util.Map.of())).isEmpty();
        assertThat(EmbeddedPostgresServer.statementStatistics(
                java.util.Map.of(EmbeddedPostgresServer.STAT_STATEMENTS_VARIABLE, "true")))
                .containsEntry("shared_preload_libraries", "pg_stat_statements");
    }
}
