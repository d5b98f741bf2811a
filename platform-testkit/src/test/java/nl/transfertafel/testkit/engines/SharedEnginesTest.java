package nl.transfertafel.testkit.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class SharedEnginesTest {

    @Test
    void postgres_is_one_shared_working_instance() throws Exception {
        PostgresServer first = SharedEngines.postgres();
        PostgresServer second = SharedEngines.postgres();

        assertThat(second).isSameAs(first);
        if (System.getenv(SharedEngines.POSTGRES_URL) == null) {
            assertThat(first).isInstanceOf(EmbeddedPostgresServer.class);
        }
        first.createDatabaseIfMissing("shared_engines_test");
        try (Connection connection = first.connect("shared_engines_test");
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("shared_engines_test");
        }
    }

    @Test
    void kafka_is_one_shared_working_broker() throws Exception {
        String bootstrap = SharedEngines.kafkaBootstrap();

        assertThat(SharedEngines.kafkaBootstrap()).isEqualTo(bootstrap);
        if (SharedEngines.isKafkaEmbedded()) {
            assertThat(SharedEngines.embeddedKafka()).isSameAs(SharedEngines.embeddedKafka());
            assertThat(SharedEngines.embeddedKafka().bootstrapServers()).isEqualTo(bootstrap).startsWith("127.0.0.1:");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("shared-engines-test", 1, (short) 1)))
                    .all().get();
            assertThat(admin.listTopics().names().get()).contains("shared-engines-test");
        }
    }

    @Test
    void embedded_kafka_is_refused_with_a_clear_message_when_an_external_broker_is_configured() {
        assumeThat(System.getenv(SharedEngines.KAFKA_BOOTSTRAP)).isNull();
        System.setProperty(SharedEngines.KAFKA_BOOTSTRAP, "broker.example:9092");
        try {
            assertThat(SharedEngines.isKafkaEmbedded()).isFalse();
            assertThat(SharedEngines.kafkaBootstrap()).isEqualTo("broker.example:9092");
            assertThatThrownBy(SharedEngines::embeddedKafka)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("TRANSFERTAFEL_KAFKA_BOOTSTRAP")
                    .hasMessageContaining("broker.example:9092");
        } finally {
            System.clearProperty(SharedEngines.KAFKA_BOOTSTRAP);
        }
        assertThat(SharedEngines.isKafkaEmbedded()).isTrue();
    }
}
