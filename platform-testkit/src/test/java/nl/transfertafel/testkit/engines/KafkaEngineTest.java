package nl.transfertafel.testkit.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaEngineTest {

    private static KafkaEngine kafka;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaEngine.start(null, 0);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
        assertThat(kafka.logDirectory()).doesNotExist();
        assertThat(portAccepts(kafka.port())).isFalse();
    }

    @Test
    void produce_and_consume_roundtrip_with_auto_created_topic() throws Exception {
        String topic = "roundtrip-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(Duration.ofSeconds(30))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "key-1", "hello")).get(30, TimeUnit.SECONDS);
            assertThat(sent.topic()).isEqualTo(topic);
        }
        assertThat(readAll(topic, 1)).extracting(ConsumerRecord::value).containsExactly("hello");
        try (Admin admin = admin()) {
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .as("num.partitions=3").hasSize(3);
        }
    }

    @Test
    void stop_takes_the_broker_down_and_restart_brings_it_back_with_its_data() throws Exception {
        String topic = "outage-" + UUID.randomUUID();
        String bootstrap = kafka.bootstrapServers();
        try (KafkaProducer<String, String> producer = producer(Duration.ofSeconds(30))) {
            producer.send(new ProducerRecord<>(topic, "k", "before-outage")).get(30, TimeUnit.SECONDS);
        }

        for (int round = 1; round <= 2; round++) {
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            assertThat(portAccepts(kafka.port())).as("broker port closed while stopped").isFalse();
            try (KafkaProducer<String, String> producer = producer(Duration.ofSeconds(2))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", "during-outage"))
                        .get(10, TimeUnit.SECONDS))
                        .as("producing while the broker is down fails")
                        .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
            }

            kafka.restart();
            assertThat(kafka.isRunning()).isTrue();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);

            String after = "after-restart-" + round;
            try (KafkaProducer<String, String> producer = producer(Duration.ofSeconds(30))) {
                producer.send(new ProducerRecord<>(topic, "k", after)).get(30, TimeUnit.SECONDS);
            }
            List<String> expected = new ArrayList<>(List.of("before-outage"));
            for (int r = 1; r <= round; r++) {
                expected.add("after-restart-" + r);
            }
            assertThat(readAll(topic, expected.size())).extracting(ConsumerRecord::value)
                    .as("same key, same partition: order kept, nothing lost, nothing from the outage")
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void stop_and_restart_are_idempotent_about_state() {
        kafka.restart(); // restart of a running broker: stop + start
        assertThat(kafka.isRunning()).isTrue();
        assertThat(portAccepts(kafka.port())).isTrue();
        kafka.stop();
        kafka.stop(); // no-op
        assertThat(kafka.isRunning()).isFalse();
        kafka.restart();
        assertThat(portAccepts(kafka.port())).isTrue();
    }

    @Test
    void a_given_log_directory_is_kept_and_reused_by_a_new_engine(@TempDir Path logDir) throws Exception {
        String topic = "kept-" + UUID.randomUUID();
        try (KafkaEngine first = KafkaEngine.start(logDir, 0);
                KafkaProducer<String, String> producer = producer(first.bootstrapServers(), Duration.ofSeconds(30))) {
            producer.send(new ProducerRecord<>(topic, "k", "from-the-first-engine")).get(30, TimeUnit.SECONDS);
        }
        assertThat(logDir.resolve("meta.properties")).exists();

        try (KafkaEngine second = KafkaEngine.start(logDir, 0)) {
            assertThat(readAll(second.bootstrapServers(), topic, 1)).extracting(ConsumerRecord::value)
                    .containsExactly("from-the-first-engine");
        }
        assertThat(logDir).isDirectory();
    }

    private static boolean portAccepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static KafkaProducer<String, String> producer(Duration timeout) {
        return producer(kafka.bootstrapServers(), timeout);
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Duration timeout) {
        int ms = (int) timeout.toMillis();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, ms,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(ms, 10_000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms + Math.min(ms, 10_000),
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** Reads the topic from the beginning until {@code count} records have arrived. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int count) {
        return readAll(kafka.bootstrapServers(), topic, count);
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int count) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
        }
        return records;
    }
}
