package nl.transfertafel.harness.figures;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own ceiling for what one referral costs it at the least: one referral-sized row plus one
 * outbox-sized row committed per transaction, from 16 connections, on the same server and with its
 * settings (durable in the cluster mode). A JDBC loop rather than pgbench so the run needs nothing
 * installed; the denominator of {@code ingest_ratio}.
 */
public final class PostgresCeiling {

    public static final String DATABASE = "harness_ceiling";
    private static final String ENVELOPE = "x".repeat(900);

    public record Result(double transactionsPerSecond, String fsync, String synchronousCommit) {
    }

    private PostgresCeiling() {
    }

    public static Result measure(String maintenanceUrl, String user, String password, int connections, Duration duration)
            throws SQLException, InterruptedException {
        String fsync;
        String syncCommit;
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, user, password);
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
            fsync = show(s, "fsync");
            syncCommit = show(s, "synchronous_commit");
        }
        String url = maintenanceUrl.substring(0, maintenanceUrl.lastIndexOf('/') + 1) + DATABASE;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("""
                    create table referral (id uuid primary key, client_pseudonym text not null, referrer_agb text not null,
                        region text not null, postcode_area text not null, age_band text not null, insurer_uzovi text not null,
                        diagnosis_group text not null, care_level text not null, urgency text not null,
                        registered_on date not null, source text not null, created_at timestamptz not null);
                    create index referral_referrer on referral (referrer_agb, registered_on);
                    create table outbox (id bigserial primary key, event_id uuid not null unique, topic text not null,
                        message_key text not null, event_type text not null, envelope text not null,
                        created_at timestamptz not null default now(), published_at timestamptz);
                    create index outbox_unpublished on outbox (id) where published_at is null""");
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong committed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<SQLException> failures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    try (PreparedStatement referral = c.prepareStatement("""
                            insert into referral values (?, ?, '01000001', 'rotterdam', '3011', '30-39', '3311',
                                'DEPRESSION', 'SPECIALIST', 'REGULAR', current_date, 'GP', now())""");
                            PreparedStatement outbox = c.prepareStatement("""
                                    insert into outbox (event_id, topic, message_key, event_type, envelope)
                                    values (?, 'intake.referral-events', 'rotterdam', 'ReferralReceived', ?)""")) {
                        while (running.get()) {
                            UUID id = UUID.randomUUID();
                            referral.setObject(1, id);
                            referral.setString(2, id.toString());
                            referral.executeUpdate();
                            outbox.setObject(1, UUID.randomUUID());
                            outbox.setString(2, ENVELOPE);
                            outbox.executeUpdate();
                            c.commit();
                            committed.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, "pg-ceiling-" + i);
            threads.add(t);
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        Thread.sleep(duration.toMillis());
        running.set(false);
        long count = committed.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (Thread t : threads) {
            t.join();
        }
        try (Connection admin = DriverManager.getConnection(maintenanceUrl, user, password);
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Result(count / seconds, fsync, syncCommit);
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
