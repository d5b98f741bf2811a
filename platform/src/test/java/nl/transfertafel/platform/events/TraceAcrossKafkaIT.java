package nl.transfertafel.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
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
