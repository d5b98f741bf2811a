package nl.transfertafel.localstack;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.transfertafel.contracts.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * The launcher ({@code LocalStack.main}, what {@code ./run-local.sh} runs) as a child JVM of a test, on this
 * test's class path: so a test can {@code kill -9} the whole stack, or stop it with SIGTERM as a terminal
 * or a harness would.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private LauncherProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts the launcher with {@code args}; {@code file} (e.g. {@code stack.json}) is removed first. */
    static LauncherProcess start(Path dataDir, String file, String heap, Map<String, String> env, String... args) {
        try {
            Files.createDirectories(dataDir.getParent());
            Files.deleteIfExists(dataDir.resolve(file));
            Path output = dataDir.resolveSibling(dataDir.getFileName() + ".launcher.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), LocalStack.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(env);
            return new LauncherProcess(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the launcher has written {@code file} with {@code "ready": true}; fails early if it died. */
    JsonNode awaitReady(Path file, Duration timeout) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + outputTail());
            }
            if (!Files.exists(file)) {
                return false;
            }
            found[0] = EventJson.mapper().readTree(Files.readString(file));
            return found[0].path("ready").asBoolean(false);
        });
        return found[0];
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9} of the launcher and everything under it (PostgreSQL included), all at once. */
    void killEverything() {
        List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** SIGTERM (what Ctrl-C or a harness sends); the exit code once it is gone. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the launcher did not stop within " + timeout + ":\n" + outputTail());
        }
        return process.exitValue();
    }

    String outputTail() {
        try {
            List<String> lines = Files.readAllLines(output);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output at " + output + ")";
        }
    }

    String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Last resort after a failed test: nothing it started may outlive the test JVM. */
    @Override
    public void close() {
        if (process.isAlive()) {
            killEverything();
        }
    }
}
