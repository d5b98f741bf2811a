package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 12: the outbox relay's producer reaches a secured broker as the binder does, with the
 * settings of {@code spring.kafka.*} and the binder's configuration (SASL/SCRAM over TLS here).
 */
class KafkaClientSettingsTest {

    private static MockEnvironment securedBroker() {
        return new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-0.kafka:9093,kafka-1.kafka:9093")
                .withProperty("spring.kafka.security.protocol", "SASL_SSL")
                .withProperty("spring.kafka.ssl.trust-store-location", "file:/etc/kafka/truststore.p12")
                .withProperty("spring.kafka.ssl.trust-store-password", "changeit")
                .withProperty("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"intake-service\" password=\"s\";")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.compression.type", "zstd")
                .withProperty("spring.cloud.stream.kafka.binder.producer-properties.acks", "1");
    }

    @Test
    void the_relays_producer_takes_the_binders_brokers_and_security() {
        Map<String, Object> producer = KafkaPublisher.producerSettings(KafkaClientSettings.of(securedBroker()));

        assertThat(producer)
                .containsEntry("bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("compression.type", "zstd")
                .containsKey("sasl.jaas.config")
                .containsKey("ssl.truststore.location")
                .containsEntry("ssl.truststore.password", "changeit");
    }

    @Test
    void the_relays_own_guarantees_win_over_the_binders_producer_settings() {
        Map<String, Object> producer = KafkaPublisher.producerSettings(KafkaClientSettings.of(securedBroker()));

        assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    }

    @Test
    void the_relays_admin_client_takes_the_security_but_not_the_producer_settings() {
        Map<String, Object> admin = KafkaPublisher.adminSettings(KafkaClientSettings.of(securedBroker()));

        assertThat(admin).containsEntry("bootstrap.servers", "kafka-0.kafka:9093,kafka-1.kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config")
                .doesNotContainKey("compression.type");
    }

    @Test
    void an_unsecured_broker_needs_nothing_but_its_address() {
        Map<String, Object> producer = KafkaPublisher.producerSettings(KafkaClientSettings.of(new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "127.0.0.1:9092")));

        assertThat(producer).containsEntry("bootstrap.servers", "127.0.0.1:9092").doesNotContainKey("sasl.jaas.config");
        assertThat(String.valueOf(producer.getOrDefault("security.protocol", "PLAINTEXT"))).isEqualTo("PLAINTEXT");
    }
}
