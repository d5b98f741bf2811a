package nl.transfertafel.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLauncherTest {

    @TempDir
    Path dir;

    @Test
    void a_missing_launcher_jar_is_a_reason_to_skip() {
        assertThat(ClusterLauncher.unsupportedReason(dir.resolve("absent.jar"))).get().asString().contains("no launcher jar");
    }

    @Test
    void a_launcher_whose_classes_never_write_cluster_json_has_no_cluster_mode() throws Exception {
        Path jar = jar("BOOT-INF/classes/nl/transfertafel/localstack/LocalStack.class", "starts one JVM");

        assertThat(ClusterLauncher.unsupportedReason(jar)).get().asString().contains("no cluster mode");
    }

    @Test
    void a_launcher_that_writes_cluster_json_supports_the_cluster_mode() throws Exception {
        Path jar = jar("BOOT-INF/classes/nl/transfertafel/localstack/cluster/ClusterMode.class", "...cluster.json...");

        assertThat(ClusterLauncher.unsupportedReason(jar)).isEmpty();
    }

    @Test
    void the_contract_file_name_elsewhere_in_the_jar_does_not_count() throws Exception {
        Path jar = jar("BOOT-INF/lib/other.txt", "cluster.json");

        assertThat(ClusterLauncher.unsupportedReason(jar)).isPresent();
    }

    private Path jar(String entry, String content) throws Exception {
        Path jar = dir.resolve("launcher.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            OutputStream stream = out;
            stream.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
