package nl.transfertafel.testkit.engines;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 14 server from the zonky binaries, run as a child process of this JVM.
 *
 * <ul>
 * <li>Works as root through {@code unshare --user} (see {@link Unprivileged}) and as a normal user.</li>
 * <li>{@code initdb} once per data directory, then {@code postgres} directly (no {@code pg_ctl}); tuned for tests:
 * {@code fsync=off}, {@code synchronous_commit=off}, {@code full_page_writes=off}, no unix socket, TCP on
 * 127.0.0.1 only, trust authentication (user {@code postgres}, any password).</li>
 * <li>No leaks: {@link #close()} and a JVM shutdown hook stop the server; in addition a tiny shell watchdog
 * between the JVM and postgres stops postgres when the JVM's end of its stdin pipe closes, i.e. also when
 * the JVM is killed with SIGKILL.</li>
 * <li>Server output goes to {@code postgres.log} (in the work directory, or next to a given data directory as
 * {@code <dataDir>.log}); only warnings and errors are logged.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final String TEMP_PREFIX = "transfertafel-pg-run-";

    /**
     * Sits between the JVM and postgres. Args: stop signal, then the postgres command line. Stops postgres with
     * the signal when stdin (a pipe from the JVM) reaches EOF or when the shell itself gets TERM/INT/HUP, then
     * waits for it and exits with its status.
     */
    private static final String WATCHDOG = String.join("\n",
            "sig=\"$1\"; shift",
            "exec 3<&0 </dev/null",
            "\"$@\" 3<&- &",
            "pg=$!",
            "( while read -r _ <&3; do :; done; kill -\"$sig\" \"$pg\" 2>/dev/null ) &",
            "watcher=$!",
            "exec 3<&-",
            "trap 'kill -\"$sig\" \"$pg\" 2>/dev/null' TERM INT HUP",
            "rc=0",
            "while kill -0 \"$pg\" 2>/dev/null; do wait \"$pg\"; rc=$?; done",
            "kill \"$watcher\" 2>/dev/null",
            "exit $rc");

    private static final Map<String, String> DEFAULT_CONFIG;

    static {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", HOST);
        config.put("unix_socket_directories", "");
        config.put("max_connections", "300");
        config.put("shared_buffers", "64MB");
        config.put("fsync", "off");
        config.put("synchronous_commit", "off");
        config.put("full_page_writes", "off");
        config.put("wal_level", "minimal");
        config.put("max_wal_senders", "0");
        config.put("max_wal_size", "1GB");
        config.put("jit", "off");
        config.put("timezone", "UTC");
        config.put("log_timezone", "UTC");
        config.put("logging_collector", "off");
        config.put("log_destination", "stderr");
        config.put("log_min_messages", "warning");
        config.put("log_min_error_statement", "panic");
        config.put("client_min_messages", "warning");
        DEFAULT_CONFIG = Collections.unmodifiableMap(config);
    }

    /**
     * The settings that make a commit survive a crash, for data that is kept (the local stack's data folder,
     * its cluster mode): pass them as {@code serverConfig}. The defaults above are for throwaway test data
     * ({@code fsync=off}, {@code synchronous_commit=off}): fast, but a machine crash loses committed rows.
     */
    public static final Map<String, String> DURABLE_SETTINGS = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    /** The environment variable that loads {@code pg_stat_statements} (the cluster harness's CPU-per-referral mode reads it). */
    public static final String STAT_STATEMENTS_VARIABLE = "TRANSFERTAFEL_PG_STAT_STATEMENTS";

    /**
     * The settings that load {@code pg_stat_statements} (the zonky binaries carry it) when
     * {@value #STAT_STATEMENTS_VARIABLE}{@code =true}: statement counts per referral for a profile. Off by
     * default: it costs a little on every statement and nothing else needs it.
     */
    static Map<String, String> statementStatistics(Map<String, String> environment) {
        if (!"true".equalsIgnoreCase(environment.getOrDefault(STAT_STATEMENTS_VARIABLE, ""))) {
            return Map.of();
        }
        return Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "top",
                "pg_stat_statements.max", "5000");
    }

    private final Path workDir;      // temp dir to delete on close, or null for a caller's data directory
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final boolean temporary;
    private final Process process;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresServer(Path workDir, Path dataDir, Path logFile, int port, Process process) {
        this.workDir = workDir;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.temporary = workDir != null;
        this.process = process;
        this.shutdownHook = new Thread(this::close, "embedded-postgres-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirOrNull a data directory to keep (initialised when empty or missing, reused otherwise), or
     *        {@code null} for a temporary one that {@link #close()} deletes
     * @param portOrZero the TCP port, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero) {
        return start(dataDirOrNull, portOrZero, Map.of());
    }

    /** As {@link #start(Path, int)}, with extra or overriding server settings ({@code postgres -c key=value}). */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero, Map<String, String> serverConfig) {
        EngineLogging.quiet();
        long begin = System.nanoTime();
        Unprivileged runAs = Unprivileged.detect();
        Path initdb = PostgresBinaries.bin("initdb");
        Path postgres = PostgresBinaries.bin("postgres");
        Path workDir = null;
        try {
            Path dataDir;
            Path logFile;
            if (dataDirOrNull == null) {
                // temp dirs of killed JVMs (their postgres was already stopped by the watchdog)
                FileTree.deleteAbandoned(TEMP_PREFIX,
                        dir -> postmaster(dir.resolve("data")).map(ProcessHandle::isAlive).orElse(false));
                workDir = FileTree.createOwnedTempDirectory(TEMP_PREFIX);
                dataDir = workDir.resolve("data");
                logFile = workDir.resolve("postgres.log");
                runAs.prepareOwnership(workDir);
            } else {
                dataDir = dataDirOrNull.toAbsolutePath();
                logFile = dataDir.resolveSibling(dataDir.getFileName() + ".log");
                if (dataDir.getParent() != null) {
                    Files.createDirectories(dataDir.getParent());
                }
                runAs.checkReachable(dataDir);
                if (Files.isDirectory(dataDir)) {
                    runAs.prepareOwnership(dataDir);
                }
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                if (Files.isDirectory(dataDir) && !isEmpty(dataDir)) {
                    throw new IllegalStateException(dataDir + " is neither empty nor a PostgreSQL data directory");
                }
                if (runAs.mode == Unprivileged.Mode.SETPRIV) {
                    Files.createDirectories(dataDir);
                    runAs.prepareOwnership(dataDir);
                }
                initdb(runAs, initdb, dataDir);
            }
            Map<String, String> config = new LinkedHashMap<>(DEFAULT_CONFIG);
            config.putAll(statementStatistics(System.getenv()));
            config.putAll(serverConfig);
            IllegalStateException failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = Ports.orFree(portOrZero);
                try {
                    Process process = launch(runAs, postgres, dataDir, port, config, logFile, workDir != null);
                    EmbeddedPostgresServer server = new EmbeddedPostgresServer(workDir, dataDir, logFile, port, process);
                    log.info("PostgreSQL started on {}:{} in {} ms ({}, data {})", HOST, port,
                            (System.nanoTime() - begin) / 1_000_000, runAs, dataDir);
                    return server;
                } catch (PortInUse e) {
                    failure = new IllegalStateException(e.getMessage());
                    if (portOrZero != 0) {
                        break;
                    }
                }
            }
            throw failure;
        } catch (IOException e) {
            FileTree.deleteQuietly(workDir);
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        } catch (RuntimeException e) {
            FileTree.deleteQuietly(workDir);
            throw e;
        }
    }

    private static void initdb(Unprivileged runAs, Path initdb, Path dataDir) throws IOException {
        List<String> command = runAs.wrap(List.of(initdb.toString(), "--pgdata=" + dataDir, "--username=" + USERNAME,
                "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("initdb failed (" + String.join(" ", command) + "):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while running initdb", e);
        }
    }

    private static Process launch(Unprivileged runAs, Path postgres, Path dataDir, int port, Map<String, String> config,
            Path logFile, boolean temporary) throws IOException {
        List<String> postgresCommand = new ArrayList<>(List.of(postgres.toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port)));
        config.forEach((key, value) -> {
            postgresCommand.add("-c");
            postgresCommand.add(key + "=" + value);
        });
        List<String> shell = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "postgres-watchdog",
                // throwaway data: immediate shutdown is fine; kept data: fast shutdown (clean checkpoint)
                temporary ? "QUIT" : "INT"));
        shell.addAll(postgresCommand);
        ProcessBuilder builder = new ProcessBuilder(ownSession(runAs.wrap(shell)))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        environment(builder);
        long launchedAtSeconds = System.currentTimeMillis() / 1000 - 1;
        Process process = builder.start();
        try {
            awaitReady(process, dataDir, port, launchedAtSeconds, logFile);
            return process;
        } catch (RuntimeException e) {
            stopProcess(process, dataDir);
            throw e;
        }
    }

    /**
     * In a session of its own ({@code setsid}, where available), the server does not get the Ctrl-C that a
     * terminal sends to the launcher's whole process group: it stops when its owner closes it (after the
     * services that use it), or when the owner's JVM is gone (the watchdog).
     */
    private static List<String> ownSession(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/setsid")) && !Files.isExecutable(Path.of("/bin/setsid"))) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("setsid", "--wait"));
        full.addAll(command);
        return full;
    }

    private static void environment(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("PG"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        env.put("TZ", "UTC");
    }

    private static void awaitReady(Process process, Path dataDir, int port, long launchedAtSeconds, Path logFile) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        Path pidFile = dataDir.resolve("postmaster.pid");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String logTail = tail(logFile);
                if (logTail.contains("could not bind") || logTail.contains("Address already in use")) {
                    throw new PortInUse("Port " + port + " is in use:\n" + logTail);
                }
                throw new IllegalStateException("PostgreSQL exited with " + process.exitValue() + " during startup:\n" + logTail);
            }
            if (isReady(pidFile, port, launchedAtSeconds)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new IllegalStateException("PostgreSQL did not become ready within " + STARTUP_TIMEOUT + ":\n" + tail(logFile));
    }

    /** postmaster.pid: pid, data dir, start time (epoch s), port, socket dir, listen address, shm key, status. */
    private static boolean isReady(Path pidFile, int port, long launchedAtSeconds) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() >= 8
                    && lines.get(3).trim().equals(Integer.toString(port))
                    && Long.parseLong(lines.get(2).trim()) >= launchedAtSeconds
                    && lines.get(7).trim().equals("ready");
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    private static Optional<ProcessHandle> postmaster(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void stopProcess(Process process, Path dataDir) {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close(); // the watchdog sees EOF and signals postgres
        } catch (IOException ignored) {
            // the pipe is already gone: the watchdog has seen EOF too
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("PostgreSQL did not stop within 30 s; killing it");
                postmaster.ifPresent(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            postmaster.ifPresent(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return USERNAME;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    @Override
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        return !closed.get() && process.isAlive();
    }

    /** The postmaster's process id (from {@code postmaster.pid}), e.g. to pause the server in a fault test. */
    public long pid() {
        return postmaster(dataDir).map(ProcessHandle::pid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running in " + dataDir));
    }

    /**
     * Leaves stopping to the owner's {@link #close()}: no JVM shutdown hook of its own, so an owner that stops
     * its services first (the local stack) is not overtaken by the server going away underneath them. The
     * watchdog still stops the server when this JVM dies.
     */
    public EmbeddedPostgresServer closedByOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // too late to matter
        }
        return this;
    }

    /** Stops the server; deletes the data when it lives in a temporary directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopProcess(process, dataDir);
        if (temporary) {
            FileTree.deleteQuietly(workDir);
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + HOST + ":" + port + ", data=" + dataDir + (temporary ? " (temporary)" : "") + "]";
    }

    private static final class PortInUse extends RuntimeException {
        PortInUse(String message) {
            super(message);
        }
    }
}
