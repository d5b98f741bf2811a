package nl.transfertafel.harness.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Starts the stack's cluster mode as a child process
 * ({@code java -jar local-stack-...-exec.jar --cluster --data-dir X --fresh --random-ports}),
 * waits for its
 * {@code cluster.json}, and stops it with SIGTERM (the launcher stops every pid in the file).
 */
public final class ClusterLauncher implements AutoCloseable {

    /** The file name of the contract; a launcher that supports the cluster mode contains it. */
    static final String CONTRACT_FILE = "cluster.json";

    private final Process process;
    private final Path dataDir;

    private ClusterLauncher(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * Why this launcher jar cannot run the cluster mode, or empty when it can. Detected without
     * starting it: the jar must exist, and its launcher classes must know the contract's file name
     * (the single-JVM launcher ignores unknown options and would start the wrong stack).
     */
    public static Optional<String> unsupportedReason(Path jar) {
        if (jar == null || !Files.isRegularFile(jar)) {
            return Optional.of("no launcher jar at " + jar + " (build it: ./mvnw -pl local-stack -am package -DskipTests)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            byte[] needle = CONTRACT_FILE.getBytes(StandardCharsets.UTF_8);
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                boolean launcherClass = name.endsWith(".class")
                        && (name.startsWith("BOOT-INF/classes/nl/transfertafel/localstack/")
                                || name.startsWith("nl/transfertafel/localstack/"));
                if (launcherClass) {
                    try (InputStream in = file.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), needle)) {
                            return Optional.empty();
                        }
                    }
                }
            }
            return Optional.of("the launcher " + jar.getFileName() + " has no cluster mode yet (none of its classes writes "
                    + CONTRACT_FILE + "; the --cluster option of local-stack is not built)");
        } catch (IOException e) {
            return Optional.of("cannot read " + jar + ": " + e.getMessage());
        }
    }

    public static ClusterLauncher start(Path jar, Path dataDir, List<String> jvmOptions, Path log) {
        return start(jar, dataDir, jvmOptions, List.of(), log);
    }

    /** As above, with more launcher options after the harness's own (e.g. {@code --instances ...}). */
    public static ClusterLauncher start(Path jar, Path dataDir, List<String> jvmOptions, List<String> launcherOptions,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessControl.javaBinary());
        command.addAll(jvmOptions);
        // free ports for every listener: nothing clashes with a stack already running on this machine. Demo data
        // stays on: the harness's world is the demo world (same seed) plus synthetic GP practices
        command.addAll(List.of("-jar", jar.toString(), "--cluster", "--data-dir", dataDir.toString(), "--fresh",
                "--random-ports"));
        command.addAll(launcherOptions);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(dataDir.resolve(CONTRACT_FILE));
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ClusterLauncher(process, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + command + ": " + e.getMessage(), e);
        }
    }

    /** Waits for {@code cluster.json} with {@code ready: true}; fails when the launcher exits first. */
    public ClusterDescriptor awaitReady(Duration timeout) {
        Path file = dataDir.resolve(CONTRACT_FILE);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ClusterDescriptor.isReady(file)) {
                return ClusterDescriptor.read(file);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the launcher exited (code " + process.exitValue()
                        + ") before it wrote a ready " + file);
            }
            try {
                process.waitFor(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the cluster", e);
            }
        }
        throw new IllegalStateException("the cluster was not ready within " + timeout.toSeconds() + " s (" + file + ")");
    }

    public long pid() {
        return process.pid();
    }

    /**
     * SIGTERM, then up to three minutes for the launcher to stop its services (30 s each at most), its brokers
     * (60 s) and PostgreSQL on a loaded machine; killing the launcher itself earlier would leave them running.
     */
    @Override
    public void close() {
        ProcessControl.terminate(process.pid(), Duration.ofMinutes(3));
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
