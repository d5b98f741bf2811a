package nl.transfertafel.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one folder that holds what the local stack keeps between runs: PostgreSQL's data directory and
 * Kafka's log directories (and, in cluster mode, each process's working directory and log).
 *
 * <p>A marker file names the mode that wrote it: the single-JVM stack and the cluster keep their Kafka
 * data in different places, so starting one on the other's folder would silently lose the events still
 * on the other's topics. {@code --fresh} deletes only a folder that carries the marker (or is empty), so a
 * mistyped {@code --data-dir} cannot wipe anything else.
 */
public final class DataFolder {

    public enum Mode { SINGLE_JVM, CLUSTER }

    static final String MARKER = "transfertafel-data.txt";

    private final Path root;
    private final boolean empty;

    private DataFolder(Path root, boolean empty) {
        this.root = root;
        this.empty = empty;
    }

    /** Opens (creating, or with {@code fresh} emptying) the folder for the given mode. */
    public static DataFolder open(Path root, Mode mode, boolean fresh) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(MARKER);
            boolean hasContent = hasContent(dir);
            if (hasContent && !Files.exists(marker)) {
                throw new IllegalStateException(dir + " is not empty and is not a Transfertafel data folder (no "
                        + MARKER + "); choose another --data-dir");
            }
            if (fresh && hasContent) {
                deleteContents(dir);
            } else if (hasContent) {
                String written = Files.readString(marker).lines().findFirst().orElse("").trim();
                if (!written.equals("mode=" + mode)) {
                    throw new IllegalStateException(dir + " holds the data of the " + describe(written)
                            + "; start with --fresh to start empty there, or choose another --data-dir");
                }
            }
            boolean empty = !Files.exists(dir.resolve("postgres").resolve("PG_VERSION"));
            Files.writeString(marker, "mode=" + mode + "\n"
                    + "This folder is the data of a Transfertafel local stack (./run-local.sh --data-dir).\n");
            return new DataFolder(dir, empty);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the data folder " + dir, e);
        }
    }

    public Path root() {
        return root;
    }

    /** Whether this start found no database yet: only then is demo data loaded. */
    public boolean isEmpty() {
        return empty;
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path resolve(String name) {
        return root.resolve(name);
    }

    private static String describe(String written) {
        return written.equals("mode=" + Mode.CLUSTER) ? "cluster mode (--cluster)"
                : written.equals("mode=" + Mode.SINGLE_JVM) ? "single-JVM stack (without --cluster)" : "another version";
    }

    private static boolean hasContent(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }
}
