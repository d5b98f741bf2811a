package nl.transfertafel.harness.cpu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.harness.cluster.ProcessControl;

/**
 * Java Flight Recordings of running JVMs, started and stopped with {@code jcmd} around a load phase, so
 * a profile holds the steady phase only (not the start-up): {@code settings=profile}, one file per process.
 */
public final class Jfr {

    private static final String NAME = "cpu-per-referral";

    private Jfr() {
    }

    public static void start(long pid, Path file) {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    /** Stops the recording and writes it to the file given at start. */
    public static void stop(long pid) {
        jcmd(pid, "JFR.stop", "name=" + NAME);
    }

    private static void jcmd(long pid, String... command) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(ProcessControl.javaBinary()).resolveSibling("jcmd").toString());
        argv.add(Long.toString(pid));
        argv.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.out.println("jcmd " + pid + " " + command[0] + " failed: " + output.trim());
            }
        } catch (IOException e) {
            System.out.println("jcmd " + pid + " " + command[0] + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
