package nl.transfertafel.localstack.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start one process of the cluster, and to start it again identically after a
 * {@code kill -9}: the command line, the variables set on top of the inherited environment, the working
 * directory, and where its standard output and error are appended. The process writes its own log as well
 * (services: {@code service.log}, brokers: {@code broker.log}), so a harness that restarts it may discard
 * its output.
 */
public record ProcessSpec(String name, List<String> argv, Map<String, String> env, Path workdir, Path output) {

    public ProcessSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public Process start() {
        try {
            Files.createDirectories(workdir);
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(workdir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(env);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", argv), e);
        }
    }

    /** The last lines of its output, for a start-up failure message. */
    public String outputTail(int lines) {
        try {
            List<String> all = Files.readAllLines(output);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output at " + output + ")";
        }
    }
}
