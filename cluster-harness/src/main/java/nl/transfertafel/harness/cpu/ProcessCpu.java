package nl.transfertafel.harness.cpu;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time a process has consumed, from Linux's {@code /proc/<pid>/stat} (user + system time of all its
 * threads, in clock ticks). For PostgreSQL the whole server counts: the postmaster, every live child (the
 * backends, the WAL writer, the checkpointer, ...) and the children that exited since it started (the
 * kernel adds those to the postmaster's {@code cutime}/{@code cstime} when it reaps them), so a backend
 * that ends between two samples is counted once, not lost.
 */
public final class ProcessCpu {

    /** Linux's USER_HZ: the unit of the times in {@code /proc/<pid>/stat} (100 on every current kernel). */
    static final long TICKS_PER_SECOND = 100;

    private static final Path PROC = Path.of("/proc");

    private ProcessCpu() {
    }

    /** The fields of one {@code /proc/<pid>/stat} line this class needs (times in clock ticks). */
    record Stat(long pid, long parent, long user, long system, long childrenUser, long childrenSystem) {

        /**
         * Parses a stat line. The command name (field 2) is in parentheses and may itself contain spaces
         * and parentheses ({@code postgres: wal writer}), so the fields are counted from the last ')'.
         */
        static Stat parse(String line) {
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (open < 0 || close < open) {
                throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
            }
            long pid = Long.parseLong(line.substring(0, open).trim());
            // after ')': state(3) ppid(4) pgrp(5) session(6) tty(7) tpgid(8) flags(9) minflt(10) cminflt(11)
            // majflt(12) cmajflt(13) utime(14) stime(15) cutime(16) cstime(17)
            String[] f = line.substring(close + 1).trim().split("\\s+");
            return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14]));
        }

        long ownTicks() {
            return user + system;
        }

        long reapedChildrenTicks() {
            return childrenUser + childrenSystem;
        }
    }

    static Optional<Stat> stat(long pid) {
        try {
            return Optional.of(Stat.parse(Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"))));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty(); // the process ended (or is not ours to read): nothing to count
        }
    }

    /** Milliseconds of CPU the process has used since it started (its own threads only); empty when it is gone. */
    public static Optional<Long> millis(long pid) {
        return stat(pid).map(s -> s.ownTicks() * 1000 / TICKS_PER_SECOND);
    }

    /**
     * Milliseconds of CPU used by a process and all its descendants, the ended ones included: what a
     * PostgreSQL server (postmaster and backends) has cost since it started.
     */
    public static Optional<Long> treeMillis(long root) {
        Optional<Stat> rootStat = stat(root);
        if (rootStat.isEmpty()) {
            return Optional.empty();
        }
        long ticks = rootStat.get().ownTicks() + rootStat.get().reapedChildrenTicks();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars()
                .allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                Optional<Stat> child = stat(Long.parseLong(entry.getFileName().toString()));
                if (child.isPresent() && child.get().parent() == root) {
                    ticks += child.get().ownTicks() + child.get().reapedChildrenTicks();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return Optional.of(ticks * 1000 / TICKS_PER_SECOND);
    }
}
