package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderTest {

    @TempDir
    Path temp;

    @Test
    void a_new_folder_is_empty_so_demo_data_goes_in_and_a_kept_one_is_not() throws Exception {
        Path root = temp.resolve("data");
        assertThat(DataFolder.open(root, DataFolder.Mode.SINGLE_JVM, false).isEmpty()).isTrue();
        Files.createDirectories(root.resolve("postgres"));
        Files.writeString(root.resolve("postgres/PG_VERSION"), "14\n");

        assertThat(DataFolder.open(root, DataFolder.Mode.SINGLE_JVM, false).isEmpty()).isFalse();
    }

    @Test
    void fresh_deletes_what_the_folder_holds() throws Exception {
        Path root = temp.resolve("data");
        DataFolder.open(root, DataFolder.Mode.CLUSTER, false);
        Files.createDirectories(root.resolve("postgres"));
        Files.writeString(root.resolve("postgres/PG_VERSION"), "14\n");
        Files.createDirectories(root.resolve("kafka-1/data"));

        DataFolder fresh = DataFolder.open(root, DataFolder.Mode.CLUSTER, true);

        assertThat(fresh.isEmpty()).isTrue();
        assertThat(root.resolve("postgres")).doesNotExist();
        assertThat(root.resolve("kafka-1")).doesNotExist();
    }

    @Test
    void a_folder_with_other_content_is_never_wiped_even_with_fresh() throws Exception {
        Path root = temp.resolve("home");
        Files.createDirectories(root);
        Files.writeString(root.resolve("thesis.tex"), "important");

        assertThatThrownBy(() -> DataFolder.open(root, DataFolder.Mode.SINGLE_JVM, true))
                .hasMessageContaining("not a Transfertafel data folder");
        assertThat(root.resolve("thesis.tex")).exists();
    }

    @Test
    void the_cluster_does_not_start_on_the_single_jvm_stacks_data_unless_fresh() throws Exception {
        Path root = temp.resolve("data");
        DataFolder.open(root, DataFolder.Mode.SINGLE_JVM, false);
        Files.createDirectories(root.resolve("kafka"));

        assertThatThrownBy(() -> DataFolder.open(root, DataFolder.Mode.CLUSTER, false))
                .hasMessageContaining("single-JVM stack").hasMessageContaining("--fresh");
        assertThat(DataFolder.open(root, DataFolder.Mode.CLUSTER, true).root()).isEqualTo(root);
    }
}
