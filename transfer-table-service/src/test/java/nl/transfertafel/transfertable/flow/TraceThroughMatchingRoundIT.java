package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 13 item 4: the matching round continues the trace of the event that asked for it. The round runs on
 * the debouncer's own thread, later than the consumer that asked for it; before the fix it ran outside every
 * observation, so its log line and the {@code TransferProposed} it wrote had no trace (or a new one), and the
 * proposal's notifications sat in a trace of their own. On the real PostgreSQL and Kafka.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceThroughMatchingRoundIT extends FlowScenarios {

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** A traceparent of the given trace with a span of its own, as another service's relay sends it. */
    private static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    /**
     * Intake's and capacity's events all come from one trace (as if one request caused them), so whichever of
     * them asks for the round that makes the proposal, the round must continue that trace.
     */
    private void publishTraced(String region, String referral, String line, String receiving, String traceId) {
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publishTraced(region, referral, World.entry(referral, "22700001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(40), 1), traceparent(traceId));
        EVENTS.publishTraced(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(40)),
                traceparent(traceId));
        EVENTS.publishTraced(region, receiving, World.contract(receiving, true, false, System.nanoTime()),
                traceparent(traceId));
        EVENTS.publishTraced(region, line, World.line(line, receiving, "3012", 1), traceparent(traceId));
    }

    @Test
    void the_transfer_proposed_by_a_round_carries_the_trace_of_the_event_that_asked_for_the_round(CapturedOutput output) {
        String region = "trace-" + UUID.randomUUID().toString().substring(0, 8);
        String referral = id("ref-traced");
        String line = id("line-traced");
        String traceId = randomHex(16);

        publishTraced(region, referral, line, "22700002", traceId);

        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from outbox where event_type = 'TransferProposed' and envelope like :v",
                "%" + referral + "%")).isEqualTo(1));
        String stored = db.sql("select coalesce(trace_parent, 'none') from outbox where event_type = 'TransferProposed'"
                        + " and envelope like :v")
                .bind("v", "%" + referral + "%")
                .map(row -> row.get(0, String.class)).one().block();
        assertThat(stored).as("the outbox row of the round's TransferProposed").startsWith("00-" + traceId + "-");

        String header = proposedRecordHeader(referral);
        assertThat(header).as("the Kafka record of the round's TransferProposed").startsWith("00-" + traceId + "-");

        // the round's own log line ("matching round region=... proposals=1") is written inside that trace
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getAll().lines()
                .filter(l -> l.contains("matching round region=" + region + " ")))
                .as("the round's log line").isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains(traceId)));
    }

    /** The {@code traceparent} header of the TransferProposed record about the referral, read as a consumer would. */
    private static String proposedRecordHeader(String referral) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRANSFER_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            String[] found = new String[1];
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains("\"" + TransferProposed.class.getSimpleName() + "\"")
                            && record.value().contains(referral)) {
                        found[0] = Optional.ofNullable(record.headers().lastHeader("traceparent")).map(Header::value)
                                .map(v -> new String(v, StandardCharsets.UTF_8)).orElse("none");
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }
}
