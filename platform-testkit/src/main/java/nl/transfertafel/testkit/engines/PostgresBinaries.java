package nl.transfertafel.testkit.engines;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries that zonky ships as {@code postgres-<os>-<arch>.txz} once per machine into
 * {@code ${java.io.tmpdir}/transfertafel-pg-bin-<user>/<hash>}. Concurrent JVMs are safe: each unpacks into
 * a private directory and renames it into place atomically.
 */
final class PostgresBinaries {

    private static Path installed;

    private PostgresBinaries() {
    }

    static synchronized Path installDir() {
        if (installed == null) {
            try {
                installed = install();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not unpack the embedded PostgreSQL binaries", e);
            }
        }
        return installed;
    }

    static Path bin(String program) {
        return installDir().resolve("bin").resolve(program);
    }

    private static Path install() throws IOException {
        byte[] archive;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system(), System.getProperty("os.arch"))) {
            archive = in.readAllBytes();
        }
        String hash = sha256(archive).substring(0, 16);
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path root = Paths.get(System.getProperty("java.io.tmpdir"), "transfertafel-pg-bin-" + user);
        Files.createDirectories(root);
        openUp(root);
        Path target = root.resolve(hash);
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        Path staging = root.resolve(hash + ".partial-" + UUID.randomUUID());
        Files.createDirectories(staging);
        try {
            unpack(archive, staging);
            openUp(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                // another JVM was faster; use its copy
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } finally {
            FileTree.deleteQuietly(staging);
        }
        return target;
    }

    private static void unpack(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry outside target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Paths.get(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, into.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    setMode(path, entry.getMode());
                }
            }
        }
    }

    /** Directories readable and traversable by everybody, so an unprivileged user can run the binaries. */
    private static void openUp(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, permissions(0755));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not POSIX, or not ours: nothing to do
        }
    }

    private static void setMode(Path file, int mode) {
        try {
            // owner keeps rw, everybody may read; execute bits as archived
            Files.setPosixFilePermissions(file, permissions((mode & 0755) | 0644));
        } catch (UnsupportedOperationException | IOException ignored) {
            file.toFile().setExecutable((mode & 0100) != 0, false);
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = new HashSet<>();
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(order[i]);
            }
        }
        return set;
    }

    static String system() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return "Darwin";
        }
        if (os.contains("win")) {
            return "Windows";
        }
        return "Linux";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
