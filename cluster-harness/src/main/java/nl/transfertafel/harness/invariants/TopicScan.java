package nl.transfertafel.harness.invariants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the event topics from the beginning (no consumer group: it changes nothing) and what is
 * pending in the dead-letter topics, the same way the platform counts it: a dead-letter topic
 * {@code error.<topic>.<group>} is worked by consumer group {@code <group>.dead-letter-replay}; what lies
 * past that group's committed offset is pending.
 */
public final class TopicScan {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_LETTER_PREFIX = "error.";
    private static final String REPLAY_GROUP_SUFFIX = ".dead-letter-replay";

    private final String bootstrap;

    public TopicScan(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** One record of an event topic, in the order of its partition. */
    public record Published(String topic, int partition, long offset, String key, UUID eventId, String aggregateId) {
    }

    /** Every record of the named topics that exist, by topic, each partition in offset order. */
    public Map<String, List<Published>> readAll(Collection<String> wanted) {
        Map<String, List<Published>> result = new LinkedHashMap<>();
        try (Admin admin = admin(); KafkaConsumer<String, byte[]> consumer = consumer()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> topics = wanted.stream().filter(existing::contains).sorted().toList();
            if (topics.isEmpty()) {
                return result;
            }
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            List<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, List<Published>> byPartition = new HashMap<>();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    Published published = parse(record);
                    if (published != null) {
                        byPartition.computeIfAbsent(tp, k -> new ArrayList<>()).add(published);
                    }
                }
            }
            for (String topic : topics) {
                List<Published> all = new ArrayList<>();
                partitions.stream().filter(tp -> tp.topic().equals(topic))
                        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
                        .forEach(tp -> all.addAll(byPartition.getOrDefault(tp, List.of())));
                result.put(topic, all);
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the event topics at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /** Records pending per dead-letter topic (only topics with something pending). */
    public Map<String, Long> pendingDeadLetters() {
        Map<String, Long> pending = new LinkedHashMap<>();
        try (Admin admin = admin()) {
            Set<String> all = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> eventTopics = all.stream().filter(t -> !t.startsWith(DEAD_LETTER_PREFIX)).toList();
            List<String> deadLetterTopics = all.stream().filter(t -> t.startsWith(DEAD_LETTER_PREFIX)).sorted().toList();
            if (deadLetterTopics.isEmpty()) {
                return pending;
            }
            Map<String, TopicDescription> described = admin.describeTopics(deadLetterTopics).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (String topic : deadLetterTopics) {
                String group = groupOf(topic, eventTopics);
                List<TopicPartition> partitions = described.get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                        .all().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = group == null ? Map.of()
                        : admin.listConsumerGroupOffsets(group + REPLAY_GROUP_SUFFIX).partitionsToOffsetAndMetadata()
                                .get(30, TimeUnit.SECONDS);
                long left = 0;
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata done = committed.get(tp);
                    long from = done != null ? done.offset() : starts.get(tp).offset();
                    left += Math.max(0, ends.get(tp).offset() - from);
                }
                if (left > 0) {
                    pending.put(topic, left);
                }
            }
            return pending;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the dead-letter topics at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /**
     * How many records the given consumer groups have not yet committed on the event topics (dead-letter
     * topics left out), summed: 0 once every service has consumed everything published so far.
     */
    public long consumerLag(Collection<String> groups) {
        try (Admin admin = admin()) {
            long lag = 0;
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                        .forEach((tp, offset) -> {
                            if (offset != null && !tp.topic().startsWith(DEAD_LETTER_PREFIX)) {
                                committed.put(tp, offset);
                            }
                        });
                if (committed.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        committed.keySet().stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                        .all().get(30, TimeUnit.SECONDS);
                for (var entry : committed.entrySet()) {
                    lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                }
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the consumer groups' offsets at " + bootstrap + ": " + e.getMessage(), e);
        }
    }

    /** {@code error.<topic>.<group>} → group; topic names contain dots, so match the known event topics. */
    static String groupOf(String deadLetterTopic, List<String> eventTopics) {
        String rest = deadLetterTopic.substring(DEAD_LETTER_PREFIX.length());
        return eventTopics.stream().filter(t -> rest.startsWith(t + "."))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(t -> rest.substring(t.length() + 1))
                .orElse(null);
    }

    private static Published parse(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            String eventId = envelope.path("eventId").asText(null);
            if (eventId == null) {
                return null;
            }
            return new Published(record.topic(), record.partition(), record.offset(), record.key(),
                    UUID.fromString(eventId), envelope.path("aggregateId").asText(""));
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(props);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
