package nl.transfertafel.testkit.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL refuses to run as root ({@code initdb}, {@code pg_ctl} and {@code postgres} all check the effective
 * uid). This decides how to start its processes:
 * <ul>
 * <li>{@link Mode#DIRECT}: not root (a developer laptop): run the binaries as they are.</li>
 * <li>{@link Mode#UNSHARE}: root (CI, containers): {@code unshare --user --map-user=<nobody> --map-group=<nogroup>}
 * runs them in a fresh user namespace in which the caller's uid 0 is mapped to the unprivileged uid of
 * {@code nobody}. Postgres sees a non-root uid that owns the data directory, but on disk every file still
 * belongs to root, so the JVM can delete it afterwards. No chown, no extra user.</li>
 * <li>{@link Mode#SETPRIV}: root, but user namespaces are not available (e.g. a container with a seccomp
 * profile that blocks {@code unshare}, or util-linux older than 2.38): {@code setpriv --reuid --regid
 * --clear-groups} really switches to {@code nobody}; the work directory is chowned to that user first.</li>
 * </ul>
 * Override the automatic choice with {@code -Dtransfertafel.postgres.root-strategy=unshare|setpriv} or the
 * environment variable {@code TRANSFERTAFEL_POSTGRES_ROOT_STRATEGY}.
 */
final class Unprivileged {

    enum Mode { DIRECT, UNSHARE, SETPRIV }

    static final String STRATEGY_PROPERTY = "transfertafel.postgres.root-strategy";
    static final String STRATEGY_ENV = "TRANSFERTAFEL_POSTGRES_ROOT_STRATEGY";

    private static final Logger log = LoggerFactory.getLogger(Unprivileged.class);

    private static Unprivileged detected;

    final Mode mode;
    final int uid;
    final int gid;

    private Unprivileged(Mode mode, int uid, int gid) {
        this.mode = mode;
        this.uid = uid;
        this.gid = gid;
    }

    static synchronized Unprivileged detect() {
        if (detected == null) {
            detected = doDetect();
            log.debug("PostgreSQL processes run in mode {} (uid {}, gid {})", detected.mode, detected.uid, detected.gid);
        }
        return detected;
    }

    private static Unprivileged doDetect() {
        if (!isRoot()) {
            return new Unprivileged(Mode.DIRECT, -1, -1);
        }
        int[] nobody = nobody();
        String forced = System.getProperty(STRATEGY_PROPERTY, System.getenv(STRATEGY_ENV));
        if (forced != null && !forced.isBlank()) {
            Mode mode = Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
            if (mode == Mode.DIRECT) {
                throw new IllegalStateException("PostgreSQL cannot run directly as root; use unshare or setpriv");
            }
            return new Unprivileged(mode, nobody[0], nobody[1]);
        }
        Unprivileged unshare = new Unprivileged(Mode.UNSHARE, nobody[0], nobody[1]);
        if (unshare.works()) {
            return unshare;
        }
        Unprivileged setpriv = new Unprivileged(Mode.SETPRIV, nobody[0], nobody[1]);
        if (setpriv.works()) {
            return setpriv;
        }
        throw new IllegalStateException("Running as root, and PostgreSQL refuses to run as root. Neither "
                + "'unshare --user --map-user' (util-linux >= 2.38 with user namespaces) nor 'setpriv' (util-linux) "
                + "works here. Run the build as a normal user, install util-linux, or point "
                + "TRANSFERTAFEL_POSTGRES_URL at an external PostgreSQL.");
    }

    /** The command that runs {@code command} without root privileges. */
    List<String> wrap(List<String> command) {
        List<String> full = new ArrayList<>();
        switch (mode) {
            case UNSHARE -> full.addAll(List.of("unshare", "--user", "--map-user=" + uid, "--map-group=" + gid, "--"));
            case SETPRIV -> full.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
            case DIRECT -> { }
        }
        full.addAll(command);
        return full;
    }

    /** In {@link Mode#SETPRIV}, hands {@code dir} (recursively) to the unprivileged user. */
    void prepareOwnership(Path dir) {
        if (mode != Mode.SETPRIV) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    chown(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    chown(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hand " + dir + " to uid " + uid, e);
        }
    }

    /**
     * In {@link Mode#SETPRIV} the unprivileged user must be able to reach {@code dir}: every existing parent
     * needs the execute bit for others (or belong to that user). Fails early with a clear message otherwise.
     */
    void checkReachable(Path dir) {
        if (mode != Mode.SETPRIV) {
            return;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                if (!Files.exists(p)) {
                    continue;
                }
                int owner = (Integer) Files.getAttribute(p, "unix:uid");
                int mode = (Integer) Files.getAttribute(p, "unix:mode");
                if (owner != uid && (mode & 01) == 0) {
                    throw new IllegalStateException("PostgreSQL runs as uid " + uid + " (setpriv, because user "
                            + "namespaces are not available) and cannot reach " + dir + ": " + p
                            + " is not traversable for others (chmod o+x " + p + ")");
                }
            } catch (IOException | UnsupportedOperationException | ClassCastException e) {
                return; // cannot tell; initdb will report it
            }
        }
    }

    private void chown(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }

    private boolean works() {
        try {
            Process probe = new ProcessBuilder(wrap(List.of("true")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(10, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** uid and gid of the user {@code nobody} from /etc/passwd, 65534:65534 if it is not there. */
    private static int[] nobody() {
        try {
            for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
                String[] fields = line.split(":");
                if (fields.length > 3 && fields[0].equals("nobody")) {
                    return new int[] {Integer.parseInt(fields[2]), Integer.parseInt(fields[3])};
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        return new int[] {65534, 65534};
    }

    @Override
    public String toString() {
        return mode == Mode.DIRECT ? "DIRECT" : mode + " as uid " + uid + ":" + gid;
    }
}
