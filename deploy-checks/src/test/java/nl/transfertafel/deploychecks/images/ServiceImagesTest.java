package nl.transfertafel.deploychecks.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import nl.transfertafel.deploychecks.Repository;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's image as Jib wrote it ({@code target/jib-image.tar}, built with {@code -Pimages}): a
 * non-root user, only the service's own port, OCI labels with version and commit, the service's main class,
 * and the health-check class in its place. Without -Pimages the tars are not built and this is skipped;
 * with it (as in .ci/run) a missing tar fails.
 */
class ServiceImagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> services() {
        return Repository.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void the_image_runs_as_non_root_on_its_own_port_with_labels_and_a_health_check(String service) throws IOException {
        Path tar = Repository.root().resolve(service).resolve("target/jib-image.tar");
        if (!Boolean.getBoolean("transfertafel.images.expected")) {
            Assumptions.assumeTrue(Files.isRegularFile(tar), service + "/target/jib-image.tar not built (run with -Pimages)");
        }
        Map<String, byte[]> entries = read(tar);
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(entries.get(manifest.get("Config").asText())).get("config");

        assertThat(config.get("User").asText()).isEqualTo("10001:10001");
        List<String> ports = new ArrayList<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly(Repository.port(service) + "/tcp");
        JsonNode labels = config.get("Labels");
        assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(labels.get("org.opencontainers.image.revision").asText()).matches("[0-9a-f]{40}")
                .isEqualTo(head().orElse(labels.get("org.opencontainers.image.revision").asText()));
        assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(config.get("Entrypoint").toString()).contains("nl.transfertafel.").contains("Application");

        List<String> files = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            files.addAll(layerFiles(entries.get(layer.asText())));
        }
        assertThat(files).contains("opt/transfertafel/healthcheck/nl/transfertafel/healthcheck/HealthCheck.class")
                .anyMatch(file -> file.startsWith("app/libs/platform-"));
    }

    /** The commit checked out here (the image must name it), when git can tell. */
    private static java.util.Optional<String> head() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(Repository.root().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? java.util.Optional.of(out) : java.util.Optional.empty();
        } catch (IOException | InterruptedException e) {
            return java.util.Optional.empty();
        }
    }

    private static Map<String, byte[]> read(Path tar) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isFile()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static List<String> layerFiles(byte[] layer) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(layer));
                TarArchiveInputStream in = new TarArchiveInputStream(gz)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
