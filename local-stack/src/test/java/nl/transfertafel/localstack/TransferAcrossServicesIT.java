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
import java.util.function.Predicate;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.testkit.kafka.TopicReader;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A transfer across the four services on the real engines: a GP's referral at intake and a
 * provider's capacity at capacity-service become a proposal at the transfer table; two coordinators
 * of different organisations screen it; the place is reserved at capacity-service; the receiving
 * provider and (through the GP) the client accept; the transfer completes: intake moves the entry
 * keeping its registration date, capacity-service confirms the reservation. Then the paths without
 * a transfer: a declined offer, an offer nobody answers (released at expiry), and a place taken
 * before the reservation (409: the proposal lapses).
 *
 * <p>Each scenario uses its own diagnosis group and providers, so the region-wide matching keeps
 * them apart. Everything goes through the services' public APIs: an administrator registers each
 * provider, the provider announces places for its registered location and offering, the insurer
 * records its contract.
 */
class TransferAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String OFFER_TTL = "transfertafel.transfer-table.offer-ttl";
    private static final String JOBS_INTERVAL = "transfertafel.transfer-table.jobs.interval";
    private static final Random RANDOM = new Random(20261123);
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        // short offers and frequent jobs so the expiry path runs in real time (cleared afterwards)
        System.setProperty(OFFER_TTL, "PT25S");
        System.setProperty(JOBS_INTERVAL, "PT1S");
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
    }

    @AfterAll
    static void stop() {
        System.clearProperty(OFFER_TTL);
        System.clearProperty(JOBS_INTERVAL);
        if (stack != null) {
            stack.close();
        }
    }

    // ------------------------------------------------------------------ the scenarios

    @Test
    void a_referral_and_free_capacity_end_in_a_completed_transfer_across_the_services() throws Exception {
        String provider = "22950001";
        Referred referral = refer("TRAUMA");
        String line = announce(provider, "TRAUMA", 1);
        contract(provider, true, false);

        String proposal = awaitProposal(referral.referralId());
        assertThat(approve(DemoUsers.COORDINATOR_A, proposal).path("state").asText()).isEqualTo("SCREENED_ONCE");
        JsonNode second = approve(DemoUsers.COORDINATOR_B, proposal);
        assertThat(second.path("state").asText()).as(second.toString()).isEqualTo("OFFERED");

        JsonNode accepted = post(ServiceKind.TRANSFER_TABLE, "/api/v1/offers/" + proposal + "/provider-response",
                providerToken(provider), Map.of("accepted", true, "handoverContact", "Intake desk, 010-7654321"), 200);
        assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED_BY_PROVIDER");
        JsonNode completed = post(ServiceKind.TRANSFER_TABLE, "/api/v1/offers/" + proposal + "/client-response",
                stack.tokenFor(DemoUsers.GP), Map.of("accepted", true), 200);
        assertThat(completed.path("state").asText()).isEqualTo("COMPLETED");

        // intake moves the entry to the receiving provider and keeps the registration date
        WaitingEntryChanged moved = awaitEvent(Topics.INTAKE_WAITING_EVENTS, e -> e.is(WaitingEntryChanged.class)
                && e.payloadAs(WaitingEntryChanged.class).referralId().equals(referral.referralId())
                && e.payloadAs(WaitingEntryChanged.class).change() == WaitingEntryChanged.Change.MOVED)
                .payloadAs(WaitingEntryChanged.class);
        assertThat(moved.providerAgb()).isEqualTo(provider);
        assertThat(moved.registeredOn()).isEqualTo(referral.registeredOn());
        // capacity-service confirms the reservation
        ReservationChanged confirmed = awaitReservation(proposal, ReservationChanged.State.CONFIRMED);
        assertThat(confirmed.capacityLineId()).isEqualTo(line);
        // and the transfer table does not propose the transferred client again
        assertThat(get(ServiceKind.TRANSFER_TABLE, "/api/v1/screening/queue", stack.tokenFor(DemoUsers.COORDINATOR_A)))
                .doesNotContain(referral.referralId());
    }

    @Test
    void a_declined_offer_releases_the_reservation() throws Exception {
        String provider = "22950002";
        Referred referral = refer("EATING");
        // the client names the client-support organisation through the GP: only its supporters may answer
        put(ServiceKind.INTAKE, "/api/v1/referrals/" + referral.referralId() + "/client-support",
                stack.tokenFor(DemoUsers.GP), Map.of("clientSupportOrganisation", DemoUsers.CLIENT_SUPPORT.organisation()));
        announce(provider, "EATING", 1);
        contract(provider, true, false);
        String proposal = awaitProposal(referral.referralId());
        approve(DemoUsers.COORDINATOR_A, proposal);
        assertThat(approve(DemoUsers.COORDINATOR_B, proposal).path("state").asText()).isEqualTo("OFFERED");

        JsonNode declined = post(ServiceKind.TRANSFER_TABLE, "/api/v1/offers/" + proposal + "/client-response",
                stack.tokenFor(DemoUsers.CLIENT_SUPPORT), Map.of("accepted", false, "declineReason", "TRAVEL_DISTANCE"), 200);
        assertThat(declined.path("state").asText()).isEqualTo("DECLINED");
        awaitReservation(proposal, ReservationChanged.State.RELEASED);
    }

    @Test
    void an_offer_nobody_answers_expires_and_its_place_is_released() throws Exception {
        String provider = "22950003";
        Referred referral = refer("PERSONALITY");
        announce(provider, "PERSONALITY", 1);
        contract(provider, true, false);
        String proposal = awaitProposal(referral.referralId());
        approve(DemoUsers.COORDINATOR_A, proposal);
        assertThat(approve(DemoUsers.COORDINATOR_B, proposal).path("state").asText()).isEqualTo("OFFERED");

        EventEnvelope ended = awaitEvent(Topics.TRANSFER_EVENTS, e -> e.is(TransferEnded.class)
                && e.payloadAs(TransferEnded.class).proposalId().equals(proposal));
        assertThat(ended.payloadAs(TransferEnded.class).outcome()).isEqualTo(TransferEnded.Outcome.OFFER_EXPIRED);
        awaitReservation(proposal, ReservationChanged.State.RELEASED);
    }

    @Test
    void a_place_taken_before_the_reservation_lapses_the_proposal() throws Exception {
        String provider = "22950004";
        Referred referral = refer("ADHD");
        String line = announce(provider, "ADHD", 1);
        contract(provider, true, false);
        String proposal = awaitProposal(referral.referralId());
        // another booking takes the last place at capacity-service first
        post(ServiceKind.CAPACITY, "/api/v1/reservations", stack.tokens().serviceToken("transfer-table-service"),
                Map.of("capacityLineId", line, "proposalId", UUID.randomUUID().toString()), 201);

        // two paths lapse it, and which comes first is a race: the line's CapacityChanged (no free place left)
        // reaches transfer-table and lapses the proposal, or the second approval asks capacity-service for the
        // place and finds it gone; either way no offer is made and the proposal ends as PLACE_GONE
        approveUnlessLapsed(DemoUsers.COORDINATOR_A, proposal);
        approveUnlessLapsed(DemoUsers.COORDINATOR_B, proposal);
        JsonNode lapsed = StackHttp.json(get(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal,
                stack.tokenFor(DemoUsers.COORDINATOR_A)));
        assertThat(lapsed.path("state").asText()).as(lapsed.toString()).isEqualTo("LAPSED");
        EventEnvelope ended = awaitEvent(Topics.TRANSFER_EVENTS, e -> e.is(TransferEnded.class)
                && e.payloadAs(TransferEnded.class).proposalId().equals(proposal));
        assertThat(EventSchemas.violations(ended)).isEmpty();
        assertThat(ended.payloadAs(TransferEnded.class).outcome()).isEqualTo(TransferEnded.Outcome.PLACE_GONE);
    }

    // ------------------------------------------------------------------ steps

    record Referred(String referralId, LocalDate registeredOn) {
    }

    private Referred refer(String diagnosisGroup) throws Exception {
        String body = EventJson.mapper().writeValueAsString(Map.ofEntries(
                Map.entry("bsn", bsn()), Map.entry("name", "Test Cliënt"), Map.entry("dateOfBirth", "1985-06-15"),
                Map.entry("postcode", "3011 AB"),
                Map.entry("insurerUzovi", "3311"), Map.entry("diagnosisGroup", diagnosisGroup),
                Map.entry("careLevel", "SPECIALIST"), Map.entry("urgency", "REGULAR"), Map.entry("maxTravelKm", 25),
                Map.entry("eHealthAcceptable", false), Map.entry("screeningConsent", true)));
        HttpResponse<String> created = StackHttp.post(stack.url(ServiceKind.INTAKE) + "/api/v1/referrals",
                stack.tokenFor(DemoUsers.GP), body, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode json = EventJson.mapper().readTree(created.body());
        return new Referred(json.get("referralId").asText(), LocalDate.parse(json.get("registeredOn").asText()));
    }

    /** An administrator registers the provider with one location and one offering; the provider announces places there. */
    private String announce(String provider, String diagnosisGroup, int places) throws Exception {
        JsonNode record = put(ServiceKind.CAPACITY, "/api/v1/providers/" + provider, stack.tokenFor(DemoUsers.ADMIN),
                Map.of("name", "Testaanbieder " + provider, "type", "GGZ_INSTITUTION", "region", DemoUsers.REGION,
                        "locations", List.of(Map.of("postcode", "3012 KK", "city", "Rotterdam", "region", DemoUsers.REGION)),
                        "offerings", List.of(Map.of("diagnosisGroups", List.of(diagnosisGroup), "careLevel", "SPECIALIST",
                                "minAge", 18, "maxAge", 120, "exclusions", List.of()))));
        JsonNode line = post(ServiceKind.CAPACITY, "/api/v1/capacity", providerToken(provider), Map.of(
                "locationId", record.path("locations").get(0).path("locationId").asText(),
                "offeringId", record.path("offerings").get(0).path("offeringId").asText(),
                "places", places, "availableFrom", LocalDate.now().toString(),
                "availableUntil", LocalDate.now().plusDays(60).toString()), 201);
        return line.get("capacityLineId").asText();
    }

    /** The client's insurer records its contract with the provider at capacity-service. */
    private void contract(String provider, boolean contracted, boolean ceilingReached) throws Exception {
        put(ServiceKind.CAPACITY, "/api/v1/contracts/" + DemoUsers.INSURER_UZOVI + "/" + provider,
                stack.tokenFor(DemoUsers.INSURER), Map.of("contracted", contracted, "ceilingReached", ceilingReached));
    }

    private String awaitProposal(String referralId) {
        String[] proposal = new String[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode queue = EventJson.mapper().readTree(get(ServiceKind.TRANSFER_TABLE, "/api/v1/screening/queue",
                    stack.tokenFor(DemoUsers.COORDINATOR_A)));
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

    private JsonNode approve(DemoUser coordinator, String proposal) throws Exception {
        return post(ServiceKind.TRANSFER_TABLE, "/api/v1/proposals/" + proposal + "/approve", stack.tokenFor(coordinator),
                null, 200);
    }

    /** Approves, or finds the proposal already lapsed (409 naming the LAPSED state); anything else fails. */
    private void approveUnlessLapsed(DemoUser coordinator, String proposal) {
        HttpResponse<String> response = StackHttp.post(stack.url(ServiceKind.TRANSFER_TABLE) + "/api/v1/proposals/"
                + proposal + "/approve", stack.tokenFor(coordinator), null);
        if (response.statusCode() == 409) {
            assertThat(StackHttp.json(response.body()).path("detail").asText()).as(response.body())
                    .startsWith("The proposal is LAPSED;");
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(StackHttp.json(response.body()).path("state").asText()).as(response.body())
                    .isIn("SCREENED_ONCE", "LAPSED");
        }
    }

    private ReservationChanged awaitReservation(String proposal, ReservationChanged.State state) {
        return awaitEvent(Topics.CAPACITY_EVENTS, e -> e.is(ReservationChanged.class)
                && proposal.equals(e.payloadAs(ReservationChanged.class).proposalId())
                && e.payloadAs(ReservationChanged.class).state() == state).payloadAs(ReservationChanged.class);
    }

    private static EventEnvelope awaitEvent(String topic, Predicate<EventEnvelope> match) {
        try (TopicReader reader = new TopicReader(stack.kafkaBootstrap(), topic)) {
            List<TopicReader.Message> found = reader.await(m -> match.test(EventJson.read(m.value())), WAIT);
            assertThat(found).as("an event on " + topic).isNotEmpty();
            return EventJson.read(found.get(0).value());
        }
    }

    private static String providerToken(String agb) {
        return stack.tokens().token("desk-" + agb, List.of("PROVIDER"), agb, DemoUsers.REGION);
    }

    /** A random BSN that passes the eleven test. */
    private static String bsn() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                d[i] = i == 0 ? 1 + RANDOM.nextInt(9) : RANDOM.nextInt(10);
                sum += d[i] * (9 - i);
            }
            int last = sum % 11;
            if (last <= 9) {
                d[8] = last; // sum - last = 0 (mod 11)
                StringBuilder s = new StringBuilder();
                for (int digit : d) {
                    s.append(digit);
                }
                return s.toString();
            }
        }
    }

    private static JsonNode post(ServiceKind kind, String path, String token, Object body, int expected) {
        HttpResponse<String> response = StackHttp.post(stack.url(kind) + path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(expected);
        return StackHttp.json(response.body());
    }

    private static JsonNode put(ServiceKind kind, String path, String token, Object body) {
        HttpResponse<String> response = StackHttp.put(stack.url(kind) + path, token, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
        return StackHttp.json(response.body());
    }

    private static String get(ServiceKind kind, String path, String token) {
        return StackHttp.get(stack.url(kind) + path, token).body();
    }
}
