package nl.transfertafel.platform.events;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBinderConfigurationProperties;
import org.springframework.core.env.Environment;

/**
 * The settings every Kafka client of the platform shares with the Spring Cloud Stream binder, so the
 * outbox relay, the dead-letter producer and the dead-letter replay reach a secured broker (SASL/SCRAM,
 * TLS) exactly as the bindings do: Spring Boot's {@code spring.kafka.*} (e.g.
 * {@code spring.kafka.security.protocol}, {@code spring.kafka.ssl.*}, {@code spring.kafka.properties.sasl.*}),
 * then the binder's {@code spring.cloud.stream.kafka.binder.configuration.*}, then for producers its
 * {@code producer-properties.*} — merged by the binder's own {@link KafkaBinderConfigurationProperties}.
 * The brokers are the binder's ({@code spring.cloud.stream.kafka.binder.brokers}). Each client then
 * sets what it must have its own way (acks, idempotence, timeouts, client id), which wins.
 */
public final class KafkaClientSettings {

    private final String bootstrapServers;
    private final Map<String, Object> common;
    private final Map<String, Object> producer;

    private KafkaClientSettings(String bootstrapServers, Map<String, Object> common, Map<String, Object> producer) {
        this.bootstrapServers = bootstrapServers;
        this.common = Map.copyOf(common);
        this.producer = Map.copyOf(producer);
    }

    /** The binder's settings as the environment configures them. */
    public static KafkaClientSettings of(Environment environment) {
        Binder binder = Binder.get(environment);
        KafkaProperties boot = binder.bind("spring.kafka", Bindable.ofInstance(new KafkaProperties()))
                .orElseGet(KafkaProperties::new);
        KafkaBinderConfigurationProperties binding = new KafkaBinderConfigurationProperties(boot,
                new StaticListableBeanFactory().getBeanProvider(KafkaConnectionDetails.class));
        binder.bind("spring.cloud.stream.kafka.binder", Bindable.ofInstance(binding));
        Map<String, Object> common = new HashMap<>(withoutNulls(boot.buildAdminProperties()));
        common.putAll(binding.getConfiguration());
        Map<String, Object> producer = new HashMap<>(common);
        producer.putAll(withoutNulls(binding.mergedProducerConfiguration()));
        return new KafkaClientSettings(binding.getKafkaConnectionString(), common, producer);
    }

    /** Only the brokers (tests and harnesses against the unsecured embedded broker). */
    public static KafkaClientSettings plain(String bootstrapServers) {
        return new KafkaClientSettings(bootstrapServers, Map.of(), Map.of());
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** For a producer: the shared settings, then {@code own}, then the brokers. */
    public Map<String, Object> producer(Map<String, Object> own) {
        return merged(producer, own);
    }

    /** For a consumer or an admin client: the shared (non-producer) settings, then {@code own}, then the brokers. */
    public Map<String, Object> client(Map<String, Object> own) {
        return merged(common, own);
    }

    private Map<String, Object> merged(Map<String, Object> shared, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(shared);
        settings.putAll(own);
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings;
    }

    private static Map<String, Object> withoutNulls(Map<String, ?> values) {
        Map<String, Object> kept = new HashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }
}
