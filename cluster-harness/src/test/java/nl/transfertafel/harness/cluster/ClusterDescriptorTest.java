package nl.transfertafel.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterDescriptorTest {

    private static final String CLUSTER = """
            {"ready":true,"dataDir":"/d","postgres":{"pid":11,"host":"127.0.0.1","port":5433,"user":"pg","password":"pw",
              "databases":{"intake-service":"intake","capacity-service":"capacity","transfer-table-service":"transfer_table","notification-service":"notification"}},
             "kafka":{"bootstrap":"127.0.0.1:9092,127.0.0.1:9093","brokers":[{"id":1,"pid":21,"port":9092,"argv":["java","kafka.Kafka"],"env":{"A":"1"},"workdir":"/k1"},
                                                                      {"id":2,"pid":22,"port":9093,"argv":["java","kafka.Kafka"],"env":{},"workdir":"/k2"}]},
             "tokenIssuer":{"url":"http://127.0.0.1:8090"},
             "services":[{"name":"intake-service","instance":1,"url":"http://127.0.0.1:8081","pid":31,"argv":["java","-jar","i.jar"],"env":{},"workdir":"/w","log":"/w/i1.log"},
                         {"name":"intake-service","instance":2,"url":"http://127.0.0.1:8181","pid":32,"argv":["java","-jar","i.jar"],"env":{},"workdir":"/w","log":"/w/i2.log"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void reads_what_the_launcher_wrote() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster.json"), CLUSTER);

        ClusterDescriptor cluster = ClusterDescriptor.read(file);

        assertThat(ClusterDescriptor.isReady(file)).isTrue();
        assertThat(cluster.postgres().jdbcUrl("transfer-table-service")).isEqualTo("jdbc:postgresql://127.0.0.1:5433/transfer_table");
        assertThat(cluster.postgres().pid()).contains(11L);
        assertThat(cluster.kafkaBootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9093");
        assertThat(cluster.brokers()).extracting(ClusterDescriptor.Managed::instance).containsExactly(1, 2);
        assertThat(cluster.urls("intake-service")).containsExactly("http://127.0.0.1:8081", "http://127.0.0.1:8181");
        assertThat(cluster.services().get(0).restartable()).isTrue();
    }

    @Test
    void a_restarted_process_gets_its_new_pid_in_the_file() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster.json"), CLUSTER);
        ClusterDescriptor cluster = ClusterDescriptor.read(file);

        cluster.updatePid(cluster.services().get(1), 4242);
        cluster.updatePid(cluster.brokers().get(1), 4343);

        ClusterDescriptor reread = ClusterDescriptor.read(file);
        assertThat(reread.services().get(0).pid()).contains(31L);
        assertThat(reread.services().get(1).pid()).contains(4242L);
        assertThat(reread.brokers().get(1).pid()).contains(4343L);
    }

    @Test
    void a_half_written_or_not_ready_file_is_not_ready() throws Exception {
        assertThat(ClusterDescriptor.isReady(Files.writeString(dir.resolve("a.json"), "{\"ready\":tr"))).isFalse();
        assertThat(ClusterDescriptor.isReady(Files.writeString(dir.resolve("b.json"), "{\"ready\":false}"))).isFalse();
        assertThat(ClusterDescriptor.isReady(dir.resolve("absent.json"))).isFalse();
    }

    @Test
    void a_hand_written_file_without_pids_has_nothing_to_restart() throws Exception {
        Path file = Files.writeString(dir.resolve("cluster.json"), """
                {"ready":true,"postgres":{"host":"127.0.0.1","port":5432,"user":"postgres","password":"","databases":{}},
                 "kafka":{"bootstrap":"127.0.0.1:9092","brokers":[]},"tokenIssuer":{"url":"http://127.0.0.1:8090"},
                 "services":[{"name":"intake-service","instance":1,"url":"http://127.0.0.1:8081"}]}""");

        ClusterDescriptor cluster = ClusterDescriptor.read(file);

        assertThat(cluster.services().get(0).restartable()).isFalse();
        assertThat(cluster.postgres().pid()).isEmpty();
    }
}
