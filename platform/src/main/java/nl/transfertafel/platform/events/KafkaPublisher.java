package nl.transfertafel.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation;

/**
 * The outbox relay's way onto Kafka: Spring Kafka's {@link KafkaTemplate} over an idempotent
 * producer (acks=all) that sends a lane's batch and waits for the broker's acknowledgements in
 * order, creating the topic first when it is missing (with {@code transfertafel.kafka.partitions}
 * partitions, 32 by default: room for every region). The template runs with observation enabled:
 * each send is Spring Kafka's template observation, named {@value #SEND_OBSERVATION} (a producer span and timer), whose
 * {@code traceparent} header the tracing handler writes, continuing the trace the outbox row stored
 * ({@link TraceContext#relaying}); the producer's own metrics reach the meter registry by
 * {@link MicrometerProducerListener} ({@code KafkaClientMetrics}). The producer takes the binder's
 * client settings ({@link KafkaClientSettings}: brokers, SASL/SCRAM, TLS) as docs/adr/0041 requires.
 * See docs/adr/0001 (amended) for why a template and not a Spring Cloud Stream binding.
 */
public class KafkaPublisher implements AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 15;
    /**
     * The name of the relay's send observation (timer {@code transfertafel_outbox_send_seconds}, tags
     * those of Spring Kafka's convention: topic, error). Not Spring Kafka's {@code spring.kafka.template}:
     * the binder's own template registers a timer of that name with other tag keys, and Prometheus
     * refuses a second set of keys under one name (the relay's timings would be dropped).
     */
    public static final String SEND_OBSERVATION = "transfertafel.outbox.send";

    static final class RelaySendConvention extends KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention {
        @Override
        public String getName() {
            return SEND_OBSERVATION;
        }
    }

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;
    private final TraceContext traces;
    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();

    public KafkaPublisher(String bootstrapServers, int partitions, short replicationFactor) {
        this(KafkaClientSettings.plain(bootstrapServers), partitions, replicationFactor);
    }

    /** With the binder's client settings (security included): see {@link KafkaClientSettings}. No metrics, no traces. */
    public KafkaPublisher(KafkaClientSettings settings, int partitions, short replicationFactor) {
        this(settings, partitions, replicationFactor, ObservationRegistry.NOOP, null);
    }

    /**
     * The services' publisher: sends observed in {@code observations} (trace headers, the template's
     * timer) and the producer's client metrics in {@code meters} (null: none).
     */
    public KafkaPublisher(KafkaClientSettings settings, int partitions, short replicationFactor,
            ObservationRegistry observations, MeterRegistry meters) {
        this.producers = new DefaultKafkaProducerFactory<>(producerSettings(settings),
                new ByteArraySerializer(), new ByteArraySerializer());
        producers.setPhysicalCloseTimeout(5); // seconds, as the plain producer had: shutdown is not held up
        if (meters != null) {
            producers.addListener(new MicrometerProducerListener<>(meters));
        }
        this.template = new KafkaTemplate<>(producers);
        template.setObservationRegistry(observations);
        template.setObservationEnabled(true);
        template.setObservationConvention(new RelaySendConvention());
        template.setMicrometerEnabled(false); // the observation times the sends
        this.traces = new TraceContext(observations, Propagator.NOOP);
        this.admin = Admin.create(adminSettings(settings));
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** The relay's producer: the binder's settings, then what the relay's guarantees need (which win). */
    static Map<String, Object> producerSettings(KafkaClientSettings settings) {
        Map<String, Object> producerProperties = new HashMap<>();
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        // the binder's settings may name (String) serializers; this producer sends bytes
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings.producer(producerProperties);
    }

    static Map<String, Object> adminSettings(KafkaClientSettings settings) {
        return settings.client(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** One record to send: the envelope as value, keyed by region, with the trace it belongs to (or null). */
    public record Outgoing(String topic, String key, String eventType, String value, String traceparent) {

        public Outgoing(String topic, String key, String eventType, String value) {
            this(topic, key, eventType, value, null);
        }

        List<org.apache.kafka.common.header.Header> headers() {
            List<org.apache.kafka.common.header.Header> headers = new ArrayList<>(2);
            // informational only: consumers read the type from the envelope
            headers.add(new RecordHeader("eventType", eventType.getBytes(StandardCharsets.UTF_8)));
            if (traceparent != null) {
                // the stored trace; with tracing on, the template's observation writes its own child's in its place
                headers.add(new RecordHeader(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
            }
            return headers;
        }
    }

    /**
     * What became of {@link #sendAll}: how many records, from the first, the broker acknowledged
     * before the first failure, and that failure (null when all went out).
     */
    public record Sent(int acknowledged, RuntimeException failure) {
        public boolean complete() {
            return failure == null;
        }
    }

    /** Sends and waits for the acknowledgement; throws when the broker did not take the record. */
    public void send(String topic, String key, String eventType, String value) {
        Sent sent = sendAll(List.of(new Outgoing(topic, key, eventType, value)));
        if (!sent.complete()) {
            throw sent.failure();
        }
    }

    /**
     * Hands all records to the producer at once, then waits for each acknowledgement in order. The
     * idempotent producer keeps the order of a partition's records (also across its own retries), so
     * a batch costs about one round trip instead of one per record.
     */
    public Sent sendAll(List<Outgoing> records) {
        List<Future<?>> pending = new ArrayList<>(records.size());
        try {
            for (Outgoing outgoing : records) {
                ensureTopic(outgoing.topic());
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(outgoing.topic(), null,
                        outgoing.key().getBytes(StandardCharsets.UTF_8), outgoing.value().getBytes(StandardCharsets.UTF_8),
                        outgoing.headers());
                pending.add(traces.relaying(outgoing.eventType(), outgoing.traceparent(), () -> template.send(record)));
            }
        } catch (RuntimeException e) {
            // the records handed over so far may still go out; they count only once acknowledged
            return new Sent(acknowledged(pending).acknowledged(), clientFailure(e));
        }
        return acknowledged(pending);
    }

    private static Sent acknowledged(List<Future<?>> pending) {
        for (int i = 0; i < pending.size(); i++) {
            Future<?> future = pending.get(i);
            try {
                await(() -> future.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            } catch (RuntimeException e) {
                return new Sent(i, e);
            }
        }
        return new Sent(pending.size(), null);
    }

    /**
     * Whether the broker or the client refused a record for good (too large, invalid topic, not
     * authorised): retrying it unchanged cannot help. A timeout or an unreachable broker is not. (The
     * template wraps the client's exception in its own {@code KafkaException}: the causes decide.)
     */
    public static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof ApiException) {
                return true;
            }
        }
        return false;
    }

    private void ensureTopic(String topic) {
        if (knownTopics.contains(topic)) {
            return;
        }
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all()
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not answer creating topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        knownTopics.add(topic);
    }

    /**
     * The Kafka client's own failure where the template wrapped it ("Send failed"), so what the relay
     * logs and stores names the broker's reason (e.g. {@code RecordTooLargeException}).
     */
    static RuntimeException clientFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof org.springframework.kafka.KafkaException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private interface Blocking {
        Object run() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static void await(Blocking call) {
        try {
            call.run();
        } catch (ExecutionException e) {
            Throwable failure = clientFailure(e.getCause());
            throw new IllegalStateException("broker refused the record: " + failure, failure);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        template.destroy();
        producers.destroy();
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
