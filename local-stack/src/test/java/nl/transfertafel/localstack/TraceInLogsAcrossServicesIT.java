package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 item 4, as an operator reads it: the local stack logs ECS JSON lines (Spring Boot's structured
 * logging, ADR 0042), and one referral's trace id can be followed through the services' lines by their
 * {@code service.name}. The GP's system starts the trace (a W3C {@code traceparent} on its POST), so the
 * test knows the id before any service has logged.
 *
 * <p>The referral's trace reaches intake (the POST), and through the outbox and Kafka the transfer table
 * (its consumer of ReferralReceived) and notification-service (the GP's inbox notice). capacity-service is
 * not on a referral's path; it joins where a coordinator's approval reserves the place (an HTTP call from the
 * transfer table): a user action of its own, whose trace the test also starts and follows through all four
 * services (the reservation, then the offer's events at intake and notification-service). The matching
 * round continues the trace of the event that asked for it (ADR 0740), so the proposal it makes is in the
 * referral's trace too. Every captured line, traced or not, is free of the client's BSN.
 */
class TraceInLogsAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PROVIDER = "22970001";
    private static final String FORMAT = "logging.structured.format.console";
    private static final List<String> LEVELS = List.of(
            // what an operator turns on to follow a request where the services write no line of their own (intake's
            // registration and the transfer table's consumers log nothing at INFO): a line per request served and per
            // call made (method, path and status; request details are off: spring.codec.log-request-details), and the
            // SQL each step runs (the statement, never the bound values)
            "logging.level.org.springframework.web.server.adapter.HttpWebHandlerAdapter",
            "logging.level.org.springframework.web.reactive.function.client.ExchangeFunctions",
            "logging.level.org.springframework.r2dbc.core.DefaultDatabaseClient",
            // the transfer table's rounds name the traces that asked for them (ADR 0740)
            "logging.level.nl.transfertafel.transfertable.proposal.infrastructure.ObservedRounds");
    private static final TeeOut OUT = new TeeOut(System.out);
    private static PrintStream original;
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        System.setProperty(FORMAT, "ecs");
        LEVELS.forEach(level -> System.setProperty(level, "DEBUG"));
        original = System.out;
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        System.setOut(original);
        System.clearProperty(FORMAT);
        LEVELS.forEach(System::clearProperty);
    }

    @Test
    void one_referrals_trace_id_is_in_the_log_lines_of_each_service_it_passes_and_no_line_has_the_bsn() throws Exception {
        registerProviderWithPlaces();
        String bsn = StackSteps.bsn();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        // the GP's system refers a client inside a trace of its own
        HttpResponse<String> created = StackHttp.post(stack.url(ServiceKind.INTAKE) + "/api/v1/referrals",
                stack.tokenFor(DemoUsers.GP), referral(bsn), "Idempotency-Key", UUID.randomUUID().toString(),
                "traceparent", traceparent);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String referralId = StackHttp.json(created.body()).path("referralId").asText();

        // the event reaches the GP's inbox (notification-service) and the transfer table proposes a transfer
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(
                get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP)).contains(referralId));
        String proposal = awaitProposal(referralId);

        // two coordinators approve: the second approval reserves the place at capacity-service (its own trace)
        post(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal + "/approve", DemoUsers.COORDINATOR_A);
        String approval = HexFormat.of().formatHex(randomBytes(16));
        String approvalParent = "00-" + approval + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        // a 409 concurrent-update (the first approval's events still being applied) asks to try again: as the page does
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> offered = StackHttp.post(stack.url(ServiceKind.TRANSFER_TABLE) + "/api/v1/proposals/"
                    + proposal + "/approve", stack.tokenFor(DemoUsers.COORDINATOR_B), null, "traceparent", approvalParent);
            assertThat(offered.statusCode()).as(offered.body()).isEqualTo(200);
            assertThat(StackHttp.json(offered.body()).path("state").asText()).isEqualTo("OFFERED");
        });

        try {
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<JsonNode> lines = OUT.lines();
                assertThat(servicesWithTrace(lines, traceId)).as(summary(lines, traceId))
                        .contains("intake-service", "transfer-table-service", "notification-service");
                // the approval's trace: the transfer table reserves at capacity-service (HTTP), and the offer's events
                // reach intake and notification-service through the outbox and Kafka: all four services
                assertThat(servicesWithTrace(lines, approval)).as(summary(lines, approval))
                        .contains("transfer-table-service", "capacity-service", "intake-service", "notification-service");
            });
            // notification-service's own line for the routed event, in the referral's trace
            assertThat(OUT.lines()).anySatisfy(line -> {
                assertThat(line.path("traceId").asText()).isEqualTo(traceId);
                assertThat(line.path("service").path("name").asText()).isEqualTo("notification-service");
                assertThat(line.path("message").asText()).startsWith("ReferralReceived ").contains(" routed: ");
            });
        } finally {
            // the evidence: every ECS line of the run, for a reader of the build
            Files.writeString(Path.of("target", "trace-in-logs.jsonl"), String.join("\n",
                    OUT.lines().stream().map(JsonNode::toString).toList()));
        }

        List<JsonNode> lines = OUT.lines();
        assertThat(lines).as("ECS lines captured").hasSizeGreaterThan(10);
        assertThat(lines).allSatisfy(line -> assertThat(line.toString()).doesNotContain(bsn));
        assertThat(OUT.text()).doesNotContain(bsn);
    }

    /**
     * The round runs on the transfer table's {@code RegionDebouncer} scheduler, not on the consumer's thread: it
     * continues the trace of the first event that asked for it (ADR 0740). In a busy region the referral's request
     * can coalesce into a round another event asked for first, so the test follows what is certain: the round the
     * referral asked for names the referral's trace, as its own trace (then its "matching round ..." lines and
     * proposals carry it; {@code TraceThroughMatchingRoundIT} proves that part in the transfer table) or among the
     * coalesced ones. Before ADR 0740 no round line carried any trace.
     */
    @Test
    void the_matching_round_the_referral_asked_for_names_the_referrals_trace() throws Exception {
        registerProviderWithPlaces();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        HttpResponse<String> created = StackHttp.post(stack.url(ServiceKind.INTAKE) + "/api/v1/referrals",
                stack.tokenFor(DemoUsers.GP), referral(StackSteps.bsn()), "Idempotency-Key", UUID.randomUUID().toString(),
                "traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitProposal(StackHttp.json(created.body()).path("referralId").asText());

        await().atMost(WAIT).untilAsserted(() -> assertThat(OUT.lines()).anySatisfy(line -> {
            assertThat(line.path("service").path("name").asText()).isEqualTo("transfer-table-service");
            assertThat(line.path("message").asText()).startsWith("matching round region=").contains("requested by traces [");
            assertThat(line.path("traceId").asText().equals(traceId) || line.path("message").asText().contains(traceId))
                    .as("the round's trace or one it coalesced is the referral's: " + line).isTrue();
        }));
    }

    // ------------------------------------------------------------------ steps

    private static Set<String> servicesWithTrace(List<JsonNode> lines, String traceId) {
        Set<String> services = new TreeSet<>();
        for (JsonNode line : lines) {
            if (traceId.equals(line.path("traceId").asText())) {
                services.add(line.path("service").path("name").asText());
            }
        }
        return services;
    }

    /** What a failure shows: per service the loggers whose lines carry the trace. */
    private static String summary(List<JsonNode> lines, String traceId) {
        Map<String, Set<String>> loggers = new TreeMap<>();
        for (JsonNode line : lines) {
            if (traceId.equals(line.path("traceId").asText())) {
                loggers.computeIfAbsent(line.path("service").path("name").asText(), s -> new TreeSet<>())
                        .add(line.path("log").path("logger").asText());
            }
        }
        return "trace " + traceId + " in " + lines.size() + " ECS lines: " + loggers;
    }

    private static Map<String, Object> referral(String bsn) {
        return Map.ofEntries(Map.entry("bsn", bsn), Map.entry("name", "Test Cliënt"), Map.entry("dateOfBirth", "1985-06-15"),
                Map.entry("postcode", "3011 AB"), Map.entry("insurerUzovi", DemoUsers.INSURER_UZOVI),
                Map.entry("diagnosisGroup", "SOMATIC_SYMPTOM"), Map.entry("careLevel", "SPECIALIST"),
                Map.entry("urgency", "REGULAR"), Map.entry("maxTravelKm", 25), Map.entry("eHealthAcceptable", false),
                Map.entry("screeningConsent", true));
    }

    /** An administrator registers the provider, the insurer its contract, the provider announces a place. */
    private static void registerProviderWithPlaces() {
        HttpResponse<String> registered = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/providers/" + PROVIDER,
                stack.tokenFor(DemoUsers.ADMIN), Map.of("name", "Testaanbieder " + PROVIDER, "type", "GGZ_INSTITUTION",
                        "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of("SOMATIC_SYMPTOM"), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of()))));
        assertThat(registered.statusCode()).as(registered.body()).isIn(200, 201);
        JsonNode record = StackHttp.json(registered.body());
        HttpResponse<String> contract = StackHttp.put(stack.url(ServiceKind.CAPACITY) + "/api/v1/contracts/"
                        + DemoUsers.INSURER_UZOVI + "/" + PROVIDER, stack.tokenFor(DemoUsers.INSURER),
                Map.of("contracted", true, "ceilingReached", false));
        assertThat(contract.statusCode()).as(contract.body()).isIn(200, 201);
        String providerToken = stack.tokens().token("desk-" + PROVIDER, List.of("PROVIDER"), PROVIDER, DemoUsers.REGION);
        HttpResponse<String> line = StackHttp.post(stack.url(ServiceKind.CAPACITY) + "/api/v1/capacity", providerToken,
                Map.of("locationId", record.path("locations").get(0).path("locationId").asText(),
                        "offeringId", record.path("offerings").get(0).path("offeringId").asText(),
                        "places", 1, "availableFrom", LocalDate.now().toString(),
                        "availableUntil", LocalDate.now().plusDays(60).toString()));
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
    }

    private static String awaitProposal(String referralId) {
        String[] proposal = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            proposal[0] = null;
            for (JsonNode item : StackHttp.json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/screening/queue",
                    DemoUsers.COORDINATOR_A))) {
                if (item.path("client").path("referralId").asText().equals(referralId)) {
                    proposal[0] = item.path("proposalId").asText();
                }
            }
            assertThat(proposal[0]).as("a proposal for referral " + referralId).isNotNull();
        });
        return proposal[0];
    }

    private static String get(ServiceKind kind, String path, DemoUser user) {
        HttpResponse<String> answer = StackHttp.get(stack.url(kind) + path, stack.tokenFor(user));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static void post(ServiceKind kind, String path, DemoUser user) {
        HttpResponse<String> answer = StackHttp.post(stack.url(kind) + path, stack.tokenFor(user), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Standard output as it goes to the console, and kept: the ECS lines are read back as JSON. */
    private static final class TeeOut extends OutputStream {

        private final PrintStream console;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        TeeOut(PrintStream console) {
            this.console = console;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            kept.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            console.write(bytes, offset, length);
            kept.write(bytes, offset, length);
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text().split("\n")) {
                if (line.startsWith("{") && line.endsWith("}")) {
                    try {
                        lines.add(EventJson.mapper().readTree(line));
                    } catch (RuntimeException notJson) {
                        // a line another writer interleaved with: not an ECS line
                    }
                }
            }
            return lines;
        }
    }
}
