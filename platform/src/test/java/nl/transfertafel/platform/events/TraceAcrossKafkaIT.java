package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.testkit.engines.SharedEngines;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.platform.probe.ProbeApplication;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 13 item 4: one trace from an HTTP request through the outbox, the relay, Kafka (the record
 * header {@code traceparent}) into the consumer, on the real embedded PostgreSQL and Kafka; and the
 * correlation id answered.
 */
class TraceAcrossKafkaIT extends ProbeIntegrationTest {

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MeterRegistry meters;

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Test
    void a_request_is_traced_and_continues_the_callers_trace() {
        String traceId = randomHex(16);
        byte[] seen = web.get().uri("/probe/trace")
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .header(TraceContext.HEADER, "00-" + traceId + "-" + randomHex(8) + "-01")
                .exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        String answer = new String(seen, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(answer).as(answer).contains("\"traceId\":\"" + traceId + "\"").contains("\"traceparent\":\"00-" + traceId);
    }

    @Test
    void the_trace_of_the_request_that_wrote_an_event_continues_in_its_consumer() {
        String traceId = randomHex(16);
        String aggregate = "traced-" + UUID.randomUUID();

        web.post().uri("/probe/events/" + aggregate)
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .header(TraceContext.HEADER, "00-" + traceId + "-" + randomHex(8) + "-01")
                .exchange()
                .expectStatus().isAccepted();

        String stored = db.sql("select coalesce(trace_parent, 'none') as trace_parent from outbox where envelope like :aggregate")
                .bind("aggregate", "%" + aggregate + "%")
                .map(row -> row.get("trace_parent", String.class)).one().block(Duration.ofSeconds(20));
        assertThat(stored).as("the outbox row keeps the request's trace").startsWith("00-" + traceId + "-");

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ProbeApplication.TRACES.get(aggregate)).isEqualTo(traceId));
    }

    /**
     * Issue 16 item 6: the relay sends through Spring Kafka's observed {@code KafkaTemplate}. The
     * record's {@code traceparent} is the template's producer span (same trace as the request, a span
     * of its own, not the one the outbox stored), the template's observation is timed, and the
     * producer's client metrics are in the registry.
     */
    @Test
    void the_relays_kafka_template_writes_its_own_producer_span_into_the_record_and_is_measured() {
        String traceId = randomHex(16);
        String aggregate = "template-" + UUID.randomUUID();

        web.post().uri("/probe/events/" + aggregate)
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .header(TraceContext.HEADER, "00-" + traceId + "-" + randomHex(8) + "-01")
                .exchange()
                .expectStatus().isAccepted();
        String stored = db.sql("select trace_parent from outbox where envelope like :aggregate")
                .bind("aggregate", "%" + aggregate + "%")
                .map(row -> row.get("trace_parent", String.class)).one().block(Duration.ofSeconds(20));

        String sent = traceparentOnTheWire("intake.referral-events", aggregate);

        assertThat(sent).as("the trace of the request").startsWith("00-" + traceId + "-");
        assertThat(sent).as("the template's producer span, a child of the stored one").isNotEqualTo(stored);
        Timer templateSends = meters.find(KafkaPublisher.SEND_OBSERVATION)
                .tag("messaging.destination.name", "intake.referral-events").timer();
        assertThat(templateSends).as("the template's send observation, timed").isNotNull();
        assertThat(templateSends.count()).isPositive();
        assertThat(meters.getMeters()).as("the producer's client metrics (KafkaClientMetrics)")
                .anyMatch(meter -> meter.getId().getName().startsWith("kafka.producer.")
                        && String.valueOf(meter.getId().getTag("client.id")).startsWith("outbox-relay"));
    }

    /** Reads the topic from the start as a plain consumer would, and returns the header of the aggregate's record. */
    private static String traceparentOnTheWire(String topic, String aggregate) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedEngines.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            String[] found = new String[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains(aggregate)) {
                        Header header = record.headers().lastHeader(TraceContext.HEADER);
                        assertThat(record.headers().headers(TraceContext.HEADER)).as("one traceparent").hasSize(1);
                        found[0] = header == null ? "none" : new String(header.value(), StandardCharsets.UTF_8);
                    }
                }
                return found[0] != null;
            });
            return found[0];
        }
    }

    @Test
    void an_event_written_outside_any_trace_starts_a_new_one_in_its_consumer() {
        String aggregate = "untraced-" + UUID.randomUUID();

        web.post().uri("/probe/events/" + aggregate)
                .headers(h -> h.setBearerAuth(TestStack.tokens().tokenFor(DemoUsers.GP)))
                .exchange()
                .expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(ProbeApplication.TRACES.get(aggregate)).matches("[0-9a-f]{32}"));
    }

    @Test
    void the_correlation_id_is_answered_and_a_malformed_one_replaced() {
        UUID correlation = UUID.randomUUID();
        web.get().uri("/actuator/health").header(Correlation.HEADER, correlation.toString()).exchange()
                .expectHeader().valueEquals(Correlation.HEADER, correlation.toString());
        web.get().uri("/actuator/health").header(Correlation.HEADER, "<script>").exchange()
                .expectHeader().value(Correlation.HEADER, value -> assertThat(UUID.fromString(value)).isNotNull());
    }
}
