package nl.transfertafel.platform.events.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.events.KafkaClientSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * The dead letters of this service's event consumers, and their replay. After bounded retries the
 * Kafka binder moves a record that its consumer could not handle to {@code error.<topic>.<group>}.
 * This lists what is pending there and replays it through the same consumer function (so through
 * the same idempotent path: an event whose effect ran meanwhile is skipped, never applied twice).
 *
 * <p>What is pending is tracked with a consumer group of its own per dead-letter topic
 * ({@code <group>.dead-letter-replay}): a replayed record is committed past; one that fails again is
 * appended to the dead-letter topic once more (with {@code x-replay-attempts} counted up), so it stays
 * visible and the records behind it are not held up.
 */
public class DeadLetters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    static final String REPLAY_ATTEMPTS = "x-replay-attempts";
    private static final String EXCEPTION_MESSAGE = "x-exception-message";
    /** What the Kafka binder (spring-kafka's dead-letter publisher) records as the cause. */
    private static final String BINDER_EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    private static final Duration POLL = Duration.ofMillis(500);

    /** One consumer binding: the function that consumes {@code topic} in consumer group {@code group}. */
    public record Binding(String function, String topic, String group) {
        public String deadLetterTopic() {
            return "error." + topic + "." + group;
        }

        String replayGroup() {
            return group + ".dead-letter-replay";
        }
    }

    /** A dead letter as an admin sees it: where it sits, what it is, why it failed. No payload. */
    public record DeadLetter(String deadLetterTopic, String function, int partition, long offset, String eventId,
            String type, String region, String aggregateId, Instant occurredAt, String error, int replayAttempts) {
    }

    public record ReplayResult(String deadLetterTopic, int replayed, int failedAgain) {
    }

    private final KafkaClientSettings settings;
    private final List<Binding> bindings;
    private final Map<String, Consumer<Message<byte[]>>> functions;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    // Spring Kafka's template, as the relay and the dead-letter publishing use (one way onto Kafka)
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> template;

    public DeadLetters(String bootstrapServers, List<Binding> bindings, Map<String, Consumer<Message<byte[]>>> functions,
            MeterRegistry meters) {
        this(KafkaClientSettings.plain(bootstrapServers), bindings, functions, meters);
    }

    /** With the binder's client settings (security included), as the bindings reach the broker. */
    public DeadLetters(KafkaClientSettings settings, List<Binding> bindings, Map<String, Consumer<Message<byte[]>>> functions,
            MeterRegistry meters) {
        this.settings = settings;
        this.bindings = List.copyOf(bindings);
        this.functions = Map.copyOf(functions);
        Map<String, Object> producerProperties = new HashMap<>();
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letter-replay");
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        this.producers = new DefaultKafkaProducerFactory<>(settings.producer(producerProperties),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(producers);
        for (Binding binding : this.bindings) {
            AtomicLong count = pending.computeIfAbsent(binding.deadLetterTopic(), topic -> new AtomicLong());
            Gauge.builder("transfertafel.events.dead-letters.pending", count, AtomicLong::get)
                    .description("Dead-lettered events not replayed yet (as of the last count)")
                    .tag("topic", binding.deadLetterTopic())
                    .register(meters);
        }
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** Everything pending in this service's dead-letter topics, oldest first per partition. */
    public synchronized List<DeadLetter> pending() {
        List<DeadLetter> all = new ArrayList<>();
        for (Binding binding : bindings) {
            List<DeadLetter> found = new ArrayList<>();
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(binding)) {
                forEachPending(consumer, binding, record -> found.add(describe(binding, record)));
            }
            pending.get(binding.deadLetterTopic()).set(found.size());
            all.addAll(found);
        }
        return all;
    }

    /** Replays what is pending (optionally only one dead-letter topic); returns what happened per topic. */
    public synchronized List<ReplayResult> replay(Optional<String> onlyTopic) {
        List<ReplayResult> results = new ArrayList<>();
        for (Binding binding : bindings) {
            if (onlyTopic.isPresent() && !onlyTopic.get().equals(binding.deadLetterTopic())) {
                continue;
            }
            Consumer<Message<byte[]>> function = functions.get(binding.function());
            if (function == null) {
                continue;
            }
            int[] replayed = {0};
            int[] failed = {0};
            try (KafkaConsumer<byte[], byte[]> consumer = consumer(binding)) {
                forEachPending(consumer, binding, record -> {
                    try {
                        function.accept(MessageBuilder.withPayload(record.value() == null ? new byte[0] : record.value())
                                .build());
                        replayed[0]++;
                    } catch (RuntimeException e) {
                        failed[0]++;
                        deadLetterAgain(binding, record, e);
                    }
                    consumer.commitSync(Map.of(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1)));
                });
            }
            log.info("dead letters of {} replayed: {} handled, {} failed again", binding.deadLetterTopic(),
                    replayed[0], failed[0]);
            results.add(new ReplayResult(binding.deadLetterTopic(), replayed[0], failed[0]));
        }
        pending();
        return results;
    }

    private void deadLetterAgain(Binding binding, ConsumerRecord<byte[], byte[]> record, RuntimeException error) {
        List<Header> headers = new ArrayList<>();
        int attempts = replayAttempts(record) + 1;
        headers.add(new RecordHeader(REPLAY_ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(EXCEPTION_MESSAGE, truncate(rootMessage(error)).getBytes(StandardCharsets.UTF_8)));
        try {
            template.send(new ProducerRecord<>(binding.deadLetterTopic(), null, record.key(), record.value(), headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter again: " + e.getMessage(), e);
        }
    }

    /** Reads from the replay group's committed position (or the beginning) up to the end as of now. */
    private void forEachPending(KafkaConsumer<byte[], byte[]> consumer, Binding binding,
            java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> action) {
        List<PartitionInfo> partitions = consumer.partitionsFor(binding.deadLetterTopic(), Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(assigned),
                Duration.ofSeconds(10));
        Map<TopicPartition, Long> position = new HashMap<>();
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata done = committed.get(partition);
            if (done == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, done.offset());
            }
            position.put(partition, consumer.position(partition, Duration.ofSeconds(10)));
        }
        while (position.entrySet().stream().anyMatch(e -> e.getValue() < end.get(e.getKey()))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    action.accept(record);
                }
                position.put(partition, record.offset() + 1);
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(Binding binding) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, binding.replayGroup());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(settings.client(properties), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter describe(Binding binding, ConsumerRecord<byte[], byte[]> record) {
        String error = header(record, EXCEPTION_MESSAGE);
        if (error == null) {
            error = header(record, BINDER_EXCEPTION_MESSAGE);
        }
        try {
            EventEnvelope envelope = EventJson.read(record.value());
            return new DeadLetter(binding.deadLetterTopic(), binding.function(), record.partition(), record.offset(),
                    String.valueOf(envelope.eventId()), envelope.type(), envelope.region(), envelope.aggregateId(),
                    envelope.occurredAt(), truncate(error), replayAttempts(record));
        } catch (RuntimeException notAnEvent) {
            return new DeadLetter(binding.deadLetterTopic(), binding.function(), record.partition(), record.offset(),
                    null, null, null, null, null, truncate(error == null ? "not an event envelope" : error),
                    replayAttempts(record));
        }
    }

    private static int replayAttempts(ConsumerRecord<byte[], byte[]> record) {
        String value = header(record, REPLAY_ATTEMPTS);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Error texts are cut short: they are for operators, and a long one may quote more than it should. */
    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public void close() {
        producers.setPhysicalCloseTimeout(2);
        producers.destroy();
    }
}
