package nl.transfertafel.harness.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Signals to the stack's processes: {@code kill -9}, {@code SIGSTOP}/{@code SIGCONT} of a process and its
 * children, restarting a process from its recorded argv/env/workdir, and reading resident memory from
 * {@code /proc}. Linux only, like the cluster mode itself.
 */
public final class ProcessControl {

    private ProcessControl() {
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** {@code kill -9}: no shutdown hook, no flush, exactly what a crash looks like. Waits until it is gone. */
    public static void kill9(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** {@code kill -TERM} and wait (a broker stopped cleanly, as an operator would). Kills after the grace period. */
    public static void terminate(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroy();
            try {
                handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunning) {
                kill9(pid);
            }
        });
    }

    /**
     * SIGSTOP to the process and all its descendants (PostgreSQL: the postmaster and every backend, the
     * checkpointer, the WAL writer): the root first, so it cannot fork a backend that the listing of its
     * children would miss, then the children, listed until no new one shows up. Returns every pid stopped.
     */
    public static List<Long> pauseTree(long pid) {
        List<Long> stopped = new ArrayList<>();
        if (!alive(pid)) {
            return stopped;
        }
        signal("STOP", List.of(pid));
        stopped.add(pid);
        while (true) {
            List<Long> fresh = tree(pid).stream().filter(p -> !stopped.contains(p)).toList();
            if (fresh.isEmpty()) {
                return stopped;
            }
            signalGone("STOP", fresh);
            stopped.addAll(fresh);
        }
    }

    public static void resume(List<Long> pids) {
        signalGone("CONT", pids);
    }

    /** The state letter of {@code /proc/<pid>/stat} ({@code T} stopped, {@code S} sleeping, ...), or '?' when gone. */
    static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException gone) {
            return '?';
        }
    }

    /** Starts the process again exactly as recorded; its output is appended to its log (or discarded). */
    public static long restart(ClusterDescriptor.Managed process) {
        if (process.argv().isEmpty()) {
            throw new IllegalStateException(process.label() + " has no recorded argv to restart it with");
        }
        ProcessBuilder builder = new ProcessBuilder(process.argv());
        if (process.workdir() != null) {
            builder.directory(process.workdir().toFile());
        }
        builder.environment().putAll(process.env());
        builder.redirectErrorStream(true);
        if (process.log() != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(process.log().toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        try {
            return builder.start().pid();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot restart " + process.label() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resident memory of a process and its descendants, in KiB (0 when gone or not Linux): each
     * process's proportional set size (PSS, {@code /proc/<pid>/smaps_rollup}), its resident set size
     * where the kernel gives no PSS. Summing plain RSS counts shared pages once per process: every
     * PostgreSQL backend's touched shared buffers and every JVM's shared libraries again, which made
     * the full run of 2026-12-06 report 8,091 MiB.
     */
    public static long residentKib(long pid) {
        long total = 0;
        for (long p : tree(pid)) {
            long pss = pssKib(p);
            total += pss > 0 ? pss : vmRssKib(p);
        }
        return total;
    }

    static long pssKib(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        try {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return 0;
        }
        return 0;
    }

    static long vmRssKib(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    private static List<Long> tree(long pid) {
        List<Long> pids = new ArrayList<>();
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        handle.ifPresent(h -> {
            pids.add(h.pid());
            h.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    /** As {@link #signal}, but a child that exited between the listing and the signal is no failure. */
    private static void signalGone(String signal, List<Long> pids) {
        for (long p : pids) {
            if (alive(p)) {
                try {
                    signal(signal, List.of(p));
                } catch (IllegalStateException exitedMeanwhile) {
                    if (alive(p)) {
                        throw exitedMeanwhile;
                    }
                }
            }
        }
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(Long.toString(p)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pids + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run kill: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pids, e);
        }
    }

    /** The java binary of this JVM, to start the launcher with the same JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
    }
}
