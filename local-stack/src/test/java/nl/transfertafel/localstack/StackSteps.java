package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import nl.transfertafel.testkit.security.DemoUsers;
import tools.jackson.databind.JsonNode;

/**
 * The steps of a transfer as the actors take them through the public APIs of a stack running as its own
 * process ({@link RunningStack}): an administrator registers a provider, the provider announces a place, the
 * insurer contracts it, a GP refers a client, two coordinators approve the proposal.
 */
final class StackSteps {

    static final Duration WAIT = Duration.ofSeconds(90);
    private static final Random RANDOM = new Random();

    private final RunningStack stack;

    StackSteps(RunningStack stack) {
        this.stack = stack;
    }

    /** Registers the provider with one location and offering and announces {@code places} there; the line id. */
    String announce(String provider, String diagnosisGroup, int places) {
        JsonNode record = json(StackHttp.put(stack.url("capacity-service") + "/api/v1/providers/" + provider,
                stack.token("beheerder"), Map.of("name", "Testaanbieder " + provider, "type", "GGZ_INSTITUTION",
                        "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of(diagnosisGroup), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of())))));
        JsonNode line = json(StackHttp.post(stack.url("capacity-service") + "/api/v1/capacity",
                stack.token("desk-" + provider, "PROVIDER", provider), Map.of(
                        "locationId", record.path("locations").get(0).path("locationId").asText(),
                        "offeringId", record.path("offerings").get(0).path("offeringId").asText(),
                        "places", places, "availableFrom", LocalDate.now().toString(),
                        "availableUntil", LocalDate.now().plusDays(60).toString())), 201);
        return line.path("capacityLineId").asText();
    }

    void contract(String provider) {
        json(StackHttp.put(stack.url("capacity-service") + "/api/v1/contracts/" + DemoUsers.INSURER_UZOVI + "/" + provider,
                stack.token("verzekeraar"), Map.of("contracted", true, "ceilingReached", false)));
    }

    /** The demo GP refers a client (at the given intake instance); the referral id. */
    String refer(String diagnosisGroup, int intakeInstance) {
        Map<String, Object> body = Map.ofEntries(
                Map.entry("bsn", bsn()), Map.entry("name", "Test Cliënt"), Map.entry("dateOfBirth", "1985-06-15"),
                Map.entry("postcode", "3011 AB"), Map.entry("insurerUzovi", DemoUsers.INSURER_UZOVI),
                Map.entry("diagnosisGroup", diagnosisGroup), Map.entry("careLevel", "SPECIALIST"),
                Map.entry("urgency", "REGULAR"), Map.entry("maxTravelKm", 25), Map.entry("eHealthAcceptable", false),
                Map.entry("screeningConsent", true));
        JsonNode created = json(StackHttp.post(stack.url("intake-service", intakeInstance) + "/api/v1/referrals",
                stack.token("huisarts"), body, "Idempotency-Key", UUID.randomUUID().toString()), 201);
        return created.path("referralId").asText();
    }

    /** Waits until the transfer table (the given instance) has proposed a place for the referral; its id. */
    String awaitProposal(String referralId, int transferTableInstance) {
        String[] proposal = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode queue = json(StackHttp.get(stack.url("transfer-table-service", transferTableInstance)
                    + "/api/v1/screening/queue", stack.token("coordinator-a")), 200);
            proposal[0] = null;
            for (JsonNode item : queue) {
                if (item.path("client").path("referralId").asText().equals(referralId)) {
                    proposal[0] = item.path("proposalId").asText();
                }
            }
            assertThat(proposal[0]).as("a proposal for referral " + referralId).isNotNull();
        });
        return proposal[0];
    }

    JsonNode approve(String coordinator, String proposal) {
        return json(StackHttp.post(stack.url("transfer-table-service") + "/api/v1/proposals/" + proposal + "/approve",
                stack.token(coordinator), null), 200);
    }

    JsonNode proposal(String proposal) {
        return json(StackHttp.get(stack.url("transfer-table-service") + "/api/v1/proposals/" + proposal,
                stack.token("coordinator-a")), 200);
    }

    /** The demo GP's worklist entries for the referral (there must be exactly one). */
    List<JsonNode> worklistEntries(String referralId) {
        JsonNode worklist = json(StackHttp.get(stack.url("intake-service") + "/api/v1/referrals?limit=500",
                stack.token("huisarts")), 200);
        List<JsonNode> found = new java.util.ArrayList<>();
        worklist.forEach(item -> {
            if (item.path("referralId").asText().equals(referralId)) {
                found.add(item);
            }
        });
        return found;
    }

    /** A PUT that creates (201) or replaces (200). */
    static JsonNode json(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.uri() + " answered " + answer.body()).isIn(200, 201);
        return StackHttp.json(answer.body());
    }

    static JsonNode json(HttpResponse<String> answer, int expectedStatus) {
        assertThat(answer.statusCode()).as(answer.uri() + " answered " + answer.body()).isEqualTo(expectedStatus);
        return StackHttp.json(answer.body());
    }

    /** A random BSN that passes the eleven test. */
    static String bsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + RANDOM.nextInt(9) : RANDOM.nextInt(10);
                sum += d[i] * (9 - i);
            }
            int last = sum % 11;
            if (last <= 9) {
                d[8] = last;
                StringBuilder s = new StringBuilder();
                for (int digit : d) {
                    s.append(digit);
                }
                return s.toString();
            }
        }
    }
}
