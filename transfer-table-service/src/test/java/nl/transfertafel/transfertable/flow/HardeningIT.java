package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ReferralReceived;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.testkit.TestStack;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 on the real PostgreSQL and Kafka, transfer-table side: each scenario is a hole a review
 * found (the item number in the name's Javadoc), written to fail before its fix. Each works in a
 * region of its own.
 */
class HardeningIT extends FlowScenarios {

    static final String CURRENT = "22000001";
    static final String RECEIVING = "22000002";
    static final String THIRD = "22000003";

    @Autowired
    MeterRegistry meters;
    @Autowired
    nl.transfertafel.transfertable.proposal.application.ScreeningBacklog backlog;

    static String coordinator(String user, String organisation, String region) {
        return Api.token(user, "COORDINATOR", organisation, region);
    }

    static String region(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    static ReferralReceived referral(String referralId, String pseudonym, LocalDate registeredOn, boolean consent) {
        return new ReferralReceived(referralId, pseudonym, World.GP, null, "3011", "25-34", DiagnosisGroup.DEPRESSION,
                CareLevel.SPECIALIST, Urgency.REGULAR, World.INSURER, registeredOn,
                new ReferralReceived.Preferences(25, false, false), consent);
    }

    static WaitingEntryChanged entry(String referralId, String pseudonym, String provider, LocalDate registeredOn) {
        return new WaitingEntryChanged(referralId, pseudonym, World.GP, provider,
                WaitingEntryChanged.Placement.PLACED, nl.transfertafel.contracts.vocabulary.WaitingStatus.ACTIVE_PLACEMENT,
                WaitingEntryChanged.Stage.WAITING, WaitingEntryChanged.Change.REGISTERED, null,
                DiagnosisGroup.DEPRESSION, Urgency.REGULAR, registeredOn, null, null, registeredOn, 1);
    }

    /** A waiting client at {@code current} and a contracted line of {@code receiving}; returns the proposal id. */
    String proposalFor(String region, String referralId, String current, String lineId, String receiving) {
        FakeCapacityService.instance().places(lineId, 1);
        EVENTS.publish(region, referralId, World.entry(referralId, current, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(45), 1));
        EVENTS.publish(region, referralId, World.referral(referralId, "3011", Urgency.REGULAR, today().minusDays(45)));
        EVENTS.publish(region, receiving, World.contract(receiving, true, false, System.nanoTime()));
        EVENTS.publish(region, lineId, World.line(lineId, receiving, "3012", 1));
        return awaitProposal(referralId);
    }

    String awaitProposal(String referralId) {
        String[] id = new String[1];
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> ids = db.sql("select proposal_id from proposal where referral_id = :v").bind("v", referralId)
                    .map(row -> row.get(0, String.class)).all().collectList().block();
            assertThat(ids).isNotEmpty();
            id[0] = ids.get(0);
        });
        return id[0];
    }

    String state(String proposalId) {
        return db.sql("select state from proposal where proposal_id = :v").bind("v", proposalId)
                .map(row -> row.get(0, String.class)).one().block();
    }

    // ------------------------------------------------------------------ item 1

    @Test
    void item1_a_coordinator_token_without_organisation_gets_a_403_problem_on_proposals_and_waiting_lists() {
        String region = region("h-noorg");
        String referral = id("ref-noorg");
        String proposal = proposalFor(region, referral, CURRENT, id("line-noorg"), RECEIVING);
        api.json(api.post(coordinator("coordinator-a", CURRENT, region), "/api/v1/proposals/" + proposal + "/approve",
                null), 200);
        String noOrg = coordinator("coordinator-x", null, region);
        JsonNode refused = api.json(api.post(noOrg, "/api/v1/proposals/" + proposal + "/approve", null), 403);
        // the platform refuses a person's token without org before any controller: one rule for every service
        assertThat(refused.path("rule").asText()).isEqualTo("claim-missing");
        assertThat(state(proposal)).isEqualTo("SCREENED_ONCE");

        String other = id("ref-noorg-wl");
        EVENTS.publish(region, other, World.entry(other, CURRENT, WaitingEntryChanged.Stage.WAITING, today().minusDays(10), 1));
        EVENTS.publish(region, other, World.referral(other, "3011", Urgency.REGULAR, today().minusDays(10)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where has_referral and referral_id = :v", other)).isEqualTo(1));
        JsonNode wl = api.json(api.post(noOrg, "/api/v1/waiting-list-screenings", body("referralId", other,
                "verdict", "TRANSFER_CANDIDATE", "reason", "SHORTER_WAIT_ELSEWHERE_LIKELY")), 403);
        assertThat(wl.path("rule").asText()).isEqualTo("claim-missing");
        assertThat(count("select count(*) from waiting_list_screening where referral_id = :v", other)).isZero();
    }

    // ------------------------------------------------------------------ item 3

    @Test
    void item3_one_coordinators_rejection_is_pending_until_a_second_confirms_it() {
        String region = region("h-reject");
        String referral = id("ref-reject");
        String proposal = proposalFor(region, referral, CURRENT, id("line-reject"), RECEIVING);
        JsonNode first = api.json(api.post(coordinator("coordinator-c", CURRENT, region), "/api/v1/proposals/" + proposal
                + "/reject", body("reason", "CLIENT_SITUATION_CHANGED")), 200);
        assertThat(first.path("state").asText()).isEqualTo("PROPOSED");
        assertThat(state(proposal)).isEqualTo("PROPOSED");
        JsonNode queued = api.queue(coordinator("coordinator-b", THIRD, region));
        assertThat(queued.toString()).contains(proposal).contains("pendingRejection");

        JsonNode confirmed = api.json(api.post(coordinator("coordinator-b", THIRD, region), "/api/v1/proposals/"
                + proposal + "/reject", body("reason", "CLIENT_SITUATION_CHANGED")), 200);
        assertThat(confirmed.path("state").asText()).isEqualTo("REJECTED");
    }

    // ------------------------------------------------------------------ item 2

    @Test
    void item2_a_client_whose_placement_is_not_known_yet_is_not_proposed_to_the_provider_it_already_waits_at() {
        String region = region("h-race");
        String referral = id("ref-race");
        String line = id("line-race");
        String coordinator = coordinator("coordinator-a", RECEIVING, region);
        FakeCapacityService.instance().places(line, 1);
        // the referral first; the waiting entry (at CURRENT) is still on its way on the other topic
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(45)));
        EVENTS.publish(region, CURRENT, World.contract(CURRENT, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, CURRENT, "3012", 1));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(count("select count(*) from waiting_client where has_referral and referral_id = :v", referral))
                    .isEqualTo(1);
            assertThat(count("select count(*) from capacity_line where announced and capacity_line_id = :v", line))
                    .isEqualTo(1);
        });
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral))
                .as("no proposal before the client's current provider is known").isZero();

        EVENTS.publish(region, referral, World.entry(referral, CURRENT, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(45), 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where current_provider_agb is not null and referral_id = :v",
                referral)).isEqualTo(1));
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral))
                .as("never a proposal to the provider the client waits at").isZero();
    }

    // ------------------------------------------------------------------ item 5

    @Test
    void item5_waiting_list_screening_respects_the_clients_screening_consent() {
        String region = region("h-consent");
        String referral = id("ref-consent");
        String pseudonym = World.pseudonym(referral);
        EVENTS.publish(region, referral, entry(referral, pseudonym, CURRENT, today().minusDays(10)));
        EVENTS.publish(region, referral, referral(referral, pseudonym, today().minusDays(10), false));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where has_referral and referral_id = :v", referral)).isEqualTo(1));
        JsonNode refused = api.json(api.post(coordinator("coordinator-b", THIRD, region), "/api/v1/waiting-list-screenings",
                body("referralId", referral, "verdict", "TRANSFER_CANDIDATE", "reason", "SHORTER_WAIT_ELSEWHERE_LIKELY")),
                409);
        assertThat(refused.path("rule").asText()).isEqualTo("no-screening-consent");
        assertThat(count("select count(*) from waiting_list_screening where referral_id = :v", referral)).isZero();
    }

    // ------------------------------------------------------------------ item 20

    @Test
    void item20_two_coordinators_approving_at_the_same_moment_both_get_the_policys_answer() throws Exception {
        String region = region("h-race20");
        List<String> proposals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            proposals.add(proposalFor(region, id("ref-race20"), CURRENT, id("line-race20"), RECEIVING));
        }
        String a = coordinator("coordinator-a", RECEIVING, region);
        String b = coordinator("coordinator-b", THIRD, region);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (String proposal : proposals) {
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> {
                    start.await();
                    return status(a, proposal);
                });
                Future<Integer> second = pool.submit(() -> {
                    start.await();
                    return status(b, proposal);
                });
                start.countDown();
                assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)))
                        .as("both approvals of " + proposal).containsOnly(200);
                assertThat(count("select count(*) from proposal_approval where proposal_id = :v", proposal)).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int status(String token, String proposal) {
        return api.post(token, "/api/v1/proposals/" + proposal + "/approve", null).returnResult(byte[].class)
                .getStatus().value();
    }

    // ------------------------------------------------------------------ item 14

    @Test
    void item14_two_referrals_of_one_person_are_one_candidate_with_at_most_one_open_proposal() {
        String region = region("h-twice");
        String first = id("ref-twice-1");
        String second = id("ref-twice-2");
        String pseudonym = World.pseudonym(first);
        EVENTS.publish(region, first, entry(first, pseudonym, CURRENT, today().minusDays(60)));
        EVENTS.publish(region, second, entry(second, pseudonym, CURRENT, today().minusDays(20)));
        EVENTS.publish(region, first, referral(first, pseudonym, today().minusDays(60), true));
        EVENTS.publish(region, second, referral(second, pseudonym, today().minusDays(20), true));
        EVENTS.publish(region, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        String line1 = id("line-twice");
        String line2 = id("line-twice");
        FakeCapacityService.instance().places(line1, 1);
        FakeCapacityService.instance().places(line2, 1);
        EVENTS.publish(region, line1, World.line(line1, RECEIVING, "3012", 1));
        EVENTS.publish(region, line2, World.line(line2, RECEIVING, "3012", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where client_pseudonym = :v", pseudonym)).isGreaterThanOrEqualTo(1));
        api.json(api.post(coordinator("coordinator-a", RECEIVING, region), "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where client_pseudonym = :v", pseudonym)).isEqualTo(1);
        assertThat(count("select count(*) from proposal where referral_id = :v", first))
                .as("the earliest registration represents the client").isEqualTo(1);
    }

    // ------------------------------------------------------------------ item 6 and item 16 (idempotency key)

    @Test
    void item6_only_supporters_of_the_organisation_the_client_named_see_and_answer_its_offer() {
        String region = region("h-support");
        String referral = id("ref-support");
        String proposal = proposalFor(region, referral, CURRENT, id("line-support"), RECEIVING);
        EVENTS.publish(region, referral, new ClientSupportChanged(referral, World.pseudonym(referral), "cos-west"));
        api.json(api.post(coordinator("coordinator-a", RECEIVING, region), "/api/v1/proposals/" + proposal + "/approve",
                null), 200);
        JsonNode second = api.json(api.post(coordinator("coordinator-b", CURRENT, region), "/api/v1/proposals/" + proposal
                + "/approve", null), 200);
        assertThat(second.path("state").asText()).isEqualTo("OFFERED");
        assertThat(FakeCapacityService.instance().idempotencyKeyOf(proposal))
                .as("item 16: the reserve call carries the proposal id as its idempotency key").isEqualTo(proposal);

        String named = Api.token("supporter-west", "CLIENT_SUPPORT", " COS-WEST", region);
        String otherOrg = Api.token("supporter-east", "CLIENT_SUPPORT", "COS-EAST", region);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(api.json(api.get(named, "/api/v1/offers"), 200).toString()).contains(proposal));
        assertThat(api.json(api.get(otherOrg, "/api/v1/offers"), 200).toString()).doesNotContain(proposal);
        api.json(api.get(otherOrg, "/api/v1/offers/" + proposal), 404);
        api.json(api.post(otherOrg, "/api/v1/offers/" + proposal + "/client-response", body("accepted", true)), 404);
        api.json(api.get(named, "/api/v1/offers/" + proposal), 200);
        assertThat(count("select count(*) from audit_log where subject_pseudonym = :v and actor = 'supporter-west'",
                World.pseudonym(referral))).as("each supporter read is audited").isGreaterThanOrEqualTo(2);
    }

    // ------------------------------------------------------------------ item 17

    @Test
    void item17_tokens_without_region_or_organisation_get_a_4xx_problem_never_a_500() {
        String noRegion = Api.token("coordinator-nr", "COORDINATOR", CURRENT, null);
        String noOrg = Api.token("coordinator-no", "COORDINATOR", null, null);
        for (String token : List.of(noRegion, noOrg)) {
            for (String path : List.of("/api/v1/screening/queue", "/api/v1/waiting-clients", "/api/v1/capacity-lines",
                    "/api/v1/waiting-list-screenings", "/api/v1/waiting-list-screenings?open=false",
                    "/api/v1/waiting-clients?page=2147483647&size=2", "/api/v1/offers")) {
                var result = api.get(token, path).returnResult(byte[].class);
                int status = result.getStatus().value();
                assertThat(status).as(path).isBetween(400, 499);
                assertThat(String.valueOf(result.getResponseHeaders().getContentType())).as(path).contains("problem+json");
            }
            var round = api.post(token, "/api/v1/matching/rounds", null).returnResult(byte[].class);
            assertThat(round.getStatus().value()).isBetween(400, 499);
        }
    }

    // ------------------------------------------------------------------ item 16

    @Test
    void item16_a_lapsed_proposal_whose_reservation_reply_was_lost_names_the_reservation_in_transfer_ended() {
        String region = region("h-lost");
        String referral = id("ref-lost");
        String line = id("line-lost");
        String proposal = proposalFor(region, referral, CURRENT, line, RECEIVING);
        FakeCapacityService.instance().loseReplies(line);
        api.json(api.post(coordinator("coordinator-a", RECEIVING, region), "/api/v1/proposals/" + proposal + "/approve",
                null), 200);
        JsonNode second = api.json(api.post(coordinator("coordinator-b", CURRENT, region), "/api/v1/proposals/"
                + proposal + "/approve", null), 200);
        assertThat(second.path("state").asText()).isEqualTo("APPROVED");
        String reservation = FakeCapacityService.instance().reservationOf(proposal);
        assertThat(reservation).isNotNull();
        // capacity-service announces the reservation it made, as it does for every hold
        EVENTS.publish(region, line, new ReservationChanged(reservation, line, proposal, RECEIVING,
                ReservationChanged.State.HELD, java.time.Instant.now().plusSeconds(86_400), 0));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where reservation_id is not null and proposal_id = :v", proposal))
                .isEqualTo(1));
        EVENTS.publish(region, line, new CapacityLineChanged(line, RECEIVING, 1, 0, today(), today().plusDays(60),
                CapacityLineChanged.State.WITHDRAWN, CapacityLineChanged.Change.WITHDRAWN, null, 5));
        TransferEnded ended = onKafka(typeFor(TransferEnded.class, proposal)).get(0).payloadAs(TransferEnded.class);
        assertThat(ended.outcome()).isEqualTo(TransferEnded.Outcome.PLACE_GONE);
        assertThat(ended.reservationId()).isEqualTo(reservation);
    }

    // ------------------------------------------------------------------ issue 12

    @Test
    void issue12_the_screening_backlog_gauge_counts_proposals_waiting_for_screening_per_region() {
        String region = region("h-backlog");
        proposalFor(region, id("ref-backlog"), CURRENT, id("line-backlog"), RECEIVING);
        await().atMost(WAIT).untilAsserted(() -> {
            backlog.refresh().block();
            Gauge gauge = meters.find("transfertafel.screening.backlog").tag("region", region).gauge();
            assertThat(gauge).isNotNull();
            assertThat(gauge.value()).isEqualTo(1.0);
        });
    }

    // ------------------------------------------------------------------ item 18 (hostile corpus)
    /** Issue 11 item 18: an id in a body is bounded, and a submitted id (a BSN, say) never comes back in a problem. */
    @Test
    void item18_submitted_ids_are_bounded_and_never_repeated_in_a_problem() {
        String region = region("h-ids");
        String coordinator = coordinator("coordinator-a", RECEIVING, region);
        String bsn = "123456782";
        String huge = bsn + " " + "y".repeat(100_000);

        for (String field : List.of("referralId", "capacityLineId")) {
            JsonNode tooLong = api.json(api.post(coordinator, "/api/v1/proposals", body("referralId",
                    field.equals("referralId") ? huge : id("ref-ids"), "capacityLineId",
                    field.equals("capacityLineId") ? huge : id("line-ids"))), 400);
            assertThat(tooLong.path("errors").get(0).path("field").asText()).isEqualTo(field);
            assertThat(tooLong.toString()).doesNotContain(bsn);
        }
        JsonNode screening = api.json(api.post(coordinator, "/api/v1/waiting-list-screenings", body("referralId", huge,
                "verdict", "TRANSFER_CANDIDATE", "reason", "SHORTER_WAIT_ELSEWHERE_LIKELY")), 400);
        assertThat(screening.path("errors").get(0).path("field").asText()).isEqualTo("referralId");
        assertThat(screening.toString()).doesNotContain(bsn);

        List<JsonNode> notFound = List.of(
                api.json(api.post(coordinator, "/api/v1/proposals", body("referralId", bsn, "capacityLineId", bsn)), 404),
                api.json(api.post(coordinator, "/api/v1/waiting-list-screenings", body("referralId", bsn,
                        "verdict", "TRANSFER_CANDIDATE", "reason", "SHORTER_WAIT_ELSEWHERE_LIKELY")), 404),
                api.json(api.post(coordinator, "/api/v1/proposals/" + bsn + "/approve", null), 404),
                api.json(api.post(coordinator, "/api/v1/waiting-list-screenings/" + bsn + "/confirm", null), 404));
        for (JsonNode problem : notFound) {
            assertThat(problem.path("detail").asText()).as("the detail refers to the id, never repeats it")
                    .doesNotContain(bsn);
        }
    }
}
