package nl.transfertafel.localstack.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;

/** How the cluster starts its JVMs: which {@code java}, with which options, on which class path. */
final class Jvm {

    private Jvm() {
    }

    /** The {@code java} this launcher runs on. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * In a session of their own ({@code setsid}, where available): the Ctrl-C a terminal sends to the
     * launcher's process group does not reach them, so the launcher stops them in order (services, then
     * Kafka, then PostgreSQL) instead of all at once. {@code setsid} execs in place: the pid is the JVM's.
     */
    static List<String> ownSession() {
        return Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))
                ? List.of("setsid") : List.of();
    }

    /**
     * Small, quick-starting JVMs: ten of them share two cores and stay under 6 GiB together. The heap is
     * {@code heap} (e.g. {@code 256m}); {@code TRANSFERTAFEL_JAVA_OPTS} is appended (a later option wins).
     */
    static List<String> options(String heap) {
        List<String> options = new ArrayList<>(List.of("-Xms32m", "-Xmx" + heap, "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=128m",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
        String extra = System.getenv("TRANSFERTAFEL_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        return options;
    }

    /**
     * A class on this launcher's own class path as the main class of a new JVM: the Kafka brokers
     * ({@code kafka.Kafka}) run from the {@code kafka_2.13} jars the launcher already carries. From the
     * launcher's Spring Boot jar that takes Boot's {@code PropertiesLauncher} (the jars are nested in it);
     * from a plain class path (tests, an IDE) the class path is passed as it is.
     */
    static List<String> mainOnOwnClassPath(String mainClass) {
        // absolute: the new JVM runs in its own working directory
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        if (isBootJar(classPath)) {
            return List.of("-cp", classPath, "-Dloader.main=" + mainClass,
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return List.of("-cp", classPath, mainClass);
    }

    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/lib/") != null || jar.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/lib/"));
        } catch (IOException e) {
            return false;
        }
    }
}
