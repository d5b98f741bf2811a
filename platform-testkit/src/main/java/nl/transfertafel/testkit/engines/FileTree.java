package nl.transfertafel.testkit.engines;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

final class FileTree {

    private FileTree() {
    }

    /** Creates a temp work directory that records the pid of this JVM in {@code owner.pid}. */
    static Path createOwnedTempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Files.writeString(dir.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
        return dir;
    }

    /**
     * Deletes temp work directories with this prefix left behind by JVMs that are gone (killed before their
     * shutdown hooks ran), unless {@code stillInUse} says otherwise.
     */
    static void deleteAbandoned(String prefix, java.util.function.Predicate<Path> stillInUse) {
        Path tmp = java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"));
        try (java.nio.file.DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
            for (Path dir : dirs) {
                try {
                    long owner = Long.parseLong(Files.readString(dir.resolve("owner.pid")).trim());
                    boolean ownerAlive = ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
                    if (!ownerAlive && !stillInUse.test(dir)) {
                        deleteQuietly(dir);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // not ours, or not readable: leave it alone
                }
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
