package nl.transfertafel.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.platform.events.Correlation;
import nl.transfertafel.platform.events.EventConsumers;
import nl.transfertafel.platform.events.TraceContext;
import nl.transfertafel.platform.probe.ProbeEvents;
import nl.transfertafel.platform.probe.ProbeIntegrationTest;
import nl.transfertafel.testkit.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 4: with {@code logging.structured.format.console=ecs} (what deployments set) a log
 * line written while handling a request carries the trace and span ids, the service, the caller's
 * region and the correlation id, and one written while consuming an event the event's trace and
 * region; a BSN sent in the request appears in no line. Its own context (ECS console, the probe's
 * Kafka binding not started so it takes no partitions from the shared one), closed after.
 */
@TestPropertySource(properties = {
        "logging.structured.format.console=ecs",
        "spring.cloud.stream.bindings.recordProbe-in-0.consumer.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsIT extends ProbeIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(StructuredLogsIT.class);
    /** A valid (11-proof) BSN that must never reach a log line. */
    private static final String BSN = "111222333";

    @Autowired
    WebTestClient web;
    @Autowired
    EventConsumers consumers;

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** The ECS lines of the output whose message contains {@code text}. */
    private static List<JsonNode> lines(CapturedOutput output, String text) {
        return output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains(text))
                .map(line -> EventJson.mapper().readTree(line))
                .toList();
    }

    @Test
    void a_requests_log_line_names_trace_span_service_region_and_correlation_and_no_bsn(CapturedOutput output) {
        String traceId = randomHex(16);
        UUID correlation = UUID.randomUUID();
        String token = TestStack.tokens().token("gp-logs", List.of("GP"), "01234567", "rotterdam");

        web.post().uri("/probe/client")
                .headers(h -> h.setBearerAuth(token))
                .header(TraceContext.HEADER, "00-" + traceId + "-" + randomHex(8) + "-01")
                .header(Correlation.HEADER, correlation.toString())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bsn", BSN, "note", "first referral"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(Correlation.HEADER, correlation.toString());
        // a body the service refuses, with the BSN where a number belongs
        web.post().uri("/probe/typed")
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"places\":\"" + BSN + "x\",\"name\":\"" + BSN + "\"}")
                .exchange()
                .expectStatus().isBadRequest();

        List<JsonNode> handled = lines(output, "probe took a client's referral");
        assertThat(handled).as(output.getOut()).hasSize(1);
        JsonNode line = handled.get(0);
        assertThat(line.path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.path("service").path("name").asText()).isEqualTo("platform-test");
        assertThat(line.path("region").asText()).isEqualTo("rotterdam");
        assertThat(line.path("correlationId").asText()).isEqualTo(correlation.toString());
        assertThat(line.path("ecs").path("version").asText()).isNotBlank();
        assertThat(output.getAll()).doesNotContain(BSN);
    }

    @Test
    void an_events_log_line_names_its_trace_and_region(CapturedOutput output) {
        String traceId = randomHex(16);
        String aggregate = "logged-" + UUID.randomUUID();
        var envelope = EventJson.envelop(ProbeEvents.referralReceived(aggregate, "utrecht"), UUID.randomUUID());

        consumers.consumer("platform-test.logs", event -> Mono.fromRunnable(
                        () -> log.info("probe consumed {} of {}", event.type(), event.aggregateId())))
                .accept(MessageBuilder.withPayload(EventJson.write(envelope).getBytes(StandardCharsets.UTF_8))
                        .setHeader(TraceContext.HEADER, "00-" + traceId + "-" + randomHex(8) + "-01")
                        .build());

        List<JsonNode> consumed = lines(output, "probe consumed ReferralReceived of " + aggregate);
        assertThat(consumed).as(output.getOut()).hasSize(1);
        JsonNode line = consumed.get(0);
        assertThat(line.path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(line.path("region").asText()).isEqualTo("utrecht");
        assertThat(line.path("service").path("name").asText()).isEqualTo("platform-test");
    }
}
