package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.body;
import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.ScreeningOverdue;
import nl.transfertafel.contracts.events.transfer.TransferCompleted;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.testkit.security.DemoUsers;
import nl.transfertafel.transfertable.proposal.application.OfferService;
import nl.transfertafel.transfertable.proposal.domain.Proposal;
import nl.transfertafel.transfertable.proposal.domain.ProposalState;
import nl.transfertafel.transfertable.proposal.infrastructure.ProposalRepository;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import tools.jackson.databind.JsonNode;

/**
 * The transfer table on the real PostgreSQL and Kafka: events of intake and capacity in, proposals
 * out on Kafka, screening by two coordinators over REST, the offer and its answers, and the paths
 * where it ends without a transfer. Each scenario works in a region of its own.
 */
class TransferFlowIT extends FlowScenarios {

    @Autowired
    OfferService offers;
    @Autowired
    ProposalRepository proposals;

    /** A waiting client (current provider {@code current}) and a contracted line of {@code receiving} with free places. */
    private void setUp(String region, String referralId, String current, String lineId, String receiving, int places) {
        FakeCapacityService.instance().places(lineId, places);
        EVENTS.publish(region, referralId, World.entry(referralId, current, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(45), 1));
        EVENTS.publish(region, referralId, World.referral(referralId, "3011", Urgency.REGULAR, today().minusDays(45)));
        EVENTS.publish(region, receiving, World.contract(receiving, true, false, System.nanoTime()));
        EVENTS.publish(region, lineId, World.line(lineId, receiving, "3012", places));
    }

    private JsonNode awaitInQueue(String token, String referralId) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).untilAsserted(() -> {
            found[0] = null;
            for (JsonNode item : api.queue(token)) {
                if (item.path("client").path("referralId").asText().equals(referralId)) {
                    found[0] = item;
                }
            }
            assertThat(found[0]).as("proposal for " + referralId + " in the queue").isNotNull();
        });
        return found[0];
    }

    @Test
    void a_referral_meets_free_capacity_and_becomes_a_transfer_after_two_screenings_and_two_acceptances() {
        String referral = id("ref-happy");
        String line = id("line-happy");
        // the waiting entry arrives before the referral (different topics): any order works
        setUp(DemoUsers.REGION, referral, DemoUsers.OTHER_PROVIDER_AGB, line, DemoUsers.PROVIDER_AGB, 1);

        EventEnvelope proposed = onKafka(typeFor(TransferProposed.class, referral)).get(0);
        assertThat(EventSchemas.violations(proposed)).isEmpty();
        assertThat(proposed.region()).isEqualTo(DemoUsers.REGION);
        TransferProposed payload = proposed.payloadAs(TransferProposed.class);
        assertThat(payload.receivingProviderAgb()).isEqualTo(DemoUsers.PROVIDER_AGB);
        assertThat(payload.currentProviderAgb()).isEqualTo(DemoUsers.OTHER_PROVIDER_AGB);
        assertThat(payload.origin()).isEqualTo(TransferProposed.Origin.ENGINE);
        String proposal = payload.proposalId();

        String a = token(DemoUsers.COORDINATOR_A);
        String b = token(DemoUsers.COORDINATOR_B);
        JsonNode item = awaitInQueue(a, referral);
        assertThat(item.path("proposalId").asText()).isEqualTo(proposal);
        assertThat(item.path("client").path("ageBand").asText()).isEqualTo("25-34");
        assertThat(item.path("client").path("daysWaited").asLong()).isGreaterThanOrEqualTo(45);
        assertThat(item.path("client").path("currentProviderAgb").asText()).isEqualTo(DemoUsers.OTHER_PROVIDER_AGB);
        assertThat(item.path("proposed").path("providerAgb").asText()).isEqualTo(DemoUsers.PROVIDER_AGB);
        assertThat(item.path("fourEyes").path("stillNeeded").asText()).startsWith("Two approvals");

        JsonNode detail = api.json(api.get(a, "/api/v1/proposals/" + proposal), 200);
        assertThat(detail.path("explanation").path("score").path("daysWaited").asInt()).isGreaterThanOrEqualTo(45);
        assertThat(detail.path("explanation").path("runnerUps").get(0).path("option").asText()).isEqualTo("NOT_PLACED");

        JsonNode admin = api.json(api.post(token(DemoUsers.ADMIN), "/api/v1/proposals/" + proposal + "/approve", null), 403);
        assertThat(admin.path("rule").asText()).isEqualTo("not-a-coordinator");
        assertThat(admin.path("detail").asText()).contains("ADMIN");

        JsonNode first = api.json(api.post(a, "/api/v1/proposals/" + proposal + "/approve", null), 200);
        assertThat(first.path("state").asText()).isEqualTo("SCREENED_ONCE");
        assertThat(first.path("reason").asText()).startsWith("First approval recorded.");
        JsonNode twice = api.json(api.post(a, "/api/v1/proposals/" + proposal + "/approve", null), 403);
        assertThat(twice.path("rule").asText()).isEqualTo("already-approved");

        JsonNode second = api.json(api.post(b, "/api/v1/proposals/" + proposal + "/approve", null), 200);
        assertThat(second.path("state").asText()).isEqualTo("OFFERED");
        assertThat(second.path("fourEyes").path("approvals")).hasSize(2);
        TransferOffered offered = onKafka(typeFor(TransferOffered.class, proposal)).get(0).payloadAs(TransferOffered.class);
        assertThat(offered.reservationId()).startsWith("res-");

        JsonNode mine = api.json(api.get(token(DemoUsers.PROVIDER), "/api/v1/offers"), 200);
        assertThat(mine.toString()).contains(proposal);
        // the sending provider may read the offer for its client (warm handover) but not answer it
        String sending = nl.transfertafel.testkit.TestStack.tokens().token("desk-" + DemoUsers.OTHER_PROVIDER_AGB, java.util.List.of("PROVIDER"),
                DemoUsers.OTHER_PROVIDER_AGB, DemoUsers.REGION);
        assertThat(api.json(api.get(sending, "/api/v1/offers/" + proposal), 200).path("proposalId").asText())
                .isEqualTo(proposal);
        api.json(api.post(sending, "/api/v1/offers/" + proposal + "/provider-response",
                body("accepted", true, "handoverContact", "not ours to give")), 404);
        String unrelated = nl.transfertafel.testkit.TestStack.tokens().token("desk-22000099", java.util.List.of("PROVIDER"), "22000099", DemoUsers.REGION);
        api.json(api.get(unrelated, "/api/v1/offers/" + proposal), 404);
        assertThat(api.json(api.get(token(DemoUsers.INSURER), "/api/v1/proposals/" + proposal), 403).path("status").asInt())
                .isEqualTo(403);

        api.json(api.post(token(DemoUsers.PROVIDER), "/api/v1/offers/" + proposal + "/provider-response",
                body("accepted", true)), 400);
        JsonNode accepted = api.json(api.post(token(DemoUsers.PROVIDER), "/api/v1/offers/" + proposal + "/provider-response",
                body("accepted", true, "handoverContact", "Intake desk GGZ Maasstad, 010-1234567")), 200);
        assertThat(accepted.path("state").asText()).isEqualTo("ACCEPTED_BY_PROVIDER");
        JsonNode done = api.json(api.post(token(DemoUsers.GP), "/api/v1/offers/" + proposal + "/client-response",
                body("accepted", true)), 200);
        assertThat(done.path("state").asText()).isEqualTo("COMPLETED");

        TransferCompleted completed = onKafka(typeFor(TransferCompleted.class, proposal)).get(0)
                .payloadAs(TransferCompleted.class);
        assertThat(completed.handoverContact()).isEqualTo("Intake desk GGZ Maasstad, 010-1234567");
        assertThat(completed.previousProviderAgb()).isEqualTo(DemoUsers.OTHER_PROVIDER_AGB);
        assertThat(completed.reservationId()).isEqualTo(offered.reservationId());

        JsonNode illegal = api.json(api.post(token(DemoUsers.COORDINATOR_A), "/api/v1/proposals/" + proposal + "/reject",
                body("reason", "OTHER")), 409);
        assertThat(illegal.path("rule").asText()).isEqualTo("illegal-transition");
        assertThat(illegal.path("detail").asText()).contains("COMPLETED").contains("REJECT");
        assertThat(count("select count(*) from audit_log where action like 'proposal.approve%' and action like '%' || :v || '%'",
                proposal)).isEqualTo(4); // refused (admin, twice) and allowed (a, b) decisions are all audited
        JsonNode figures = api.json(api.get(a, "/api/v1/figures"), 200);
        assertThat(figures.path("completedTransfers").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("medianSecondsCapacityToProposal").isNumber()).isTrue();
    }

    @Test
    void redelivered_events_do_not_duplicate_proposals() {
        String region = "utrecht";
        String referral = id("ref-redelivered");
        String line = id("line-redelivered");
        FakeCapacityService.instance().places(line, 3);
        EventEnvelope referralEvent = EVENTS.publish(region, referral,
                World.referral(referral, "3511", Urgency.REGULAR, today().minusDays(20)));
        EVENTS.publish(region, referral, World.entry(referral, null, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(20), 1));
        EVENTS.publish(region, "22300002", World.contract("22300002", true, false, 1));
        EventEnvelope lineEvent = EVENTS.publish(region, line, World.line(line, "22300002", "3512", 3));
        EVENTS.send(referralEvent);
        EVENTS.send(lineEvent);
        String coordinator = token("coordinator-u1", "COORDINATOR", "22300001", region);
        awaitInQueue(coordinator, referral);
        EVENTS.send(referralEvent);
        EVENTS.publish(region, referral, World.referral(referral, "3511", Urgency.REGULAR, today().minusDays(20)));
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);

        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from processed_event where event_id::text = :v", referralEvent.eventId().toString()))
                .isEqualTo(1));
        assertThat(count("select count(*) from proposal where referral_id = :v", referral)).isEqualTo(1);
        assertThat(onKafka(typeFor(TransferProposed.class, referral))).hasSize(1);
        assertThat(count("select places_left::bigint from capacity_line where capacity_line_id = :v", line)).isEqualTo(3);
    }

    private String twoApprovals(String region, String proposal) {
        api.json(api.post(token("coordinator-1-" + region, "COORDINATOR", "22900001", region),
                "/api/v1/proposals/" + proposal + "/approve", null), 200);
        return api.json(api.post(token("coordinator-2-" + region, "COORDINATOR", "22900002", region),
                "/api/v1/proposals/" + proposal + "/approve", null), 200).path("state").asText();
    }

    @Test
    void a_place_gone_at_reservation_lapses_the_proposal_and_the_client_returns_to_the_pool() {
        String region = "twente";
        String referral = id("ref-gone");
        String line = id("line-gone");
        setUp(region, referral, "22400001", line, "22400002", 1);
        String coordinator = token("coordinator-t1", "COORDINATOR", "22400003", region);
        String proposal = awaitInQueue(coordinator, referral).path("proposalId").asText();
        FakeCapacityService.instance().places(line, 0); // someone else took the last place meanwhile

        assertThat(twoApprovals(region, proposal)).isEqualTo("LAPSED");
        TransferEnded ended = onKafka(typeFor(TransferEnded.class, proposal)).get(0).payloadAs(TransferEnded.class);
        assertThat(ended.outcome()).isEqualTo(TransferEnded.Outcome.PLACE_GONE);
        assertThat(ended.reservationId()).isNull();
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", referral))
                .as("no free place left: nothing proposed again").isZero();
    }

    @Test
    void the_approve_request_and_the_reservation_retry_job_offering_the_same_proposal_both_succeed() {
        String region = "flevoland";
        String referral = id("ref-race");
        String line = id("line-race");
        setUp(region, referral, "22410001", line, "22410002", 2);
        String coordinator = token("coordinator-f1", "COORDINATOR", "22410003", region);
        String proposal = awaitInQueue(coordinator, referral).path("proposalId").asText();
        FakeCapacityService.instance().down(true); // capacity-service restarting: the approval stays APPROVED
        try {
            assertThat(twoApprovals(region, proposal)).isEqualTo("APPROVED");
        } finally {
            FakeCapacityService.instance().down(false);
        }
        Proposal approved = proposals.find(proposal).block();

        // the retry job offers it first; the approve request, still holding the APPROVED proposal,
        // then gets the same reservation (idempotent by proposal id) and must not answer 409
        Proposal byJob = offers.reserve(approved).block();
        Proposal byRequest = offers.reserve(approved).block();

        assertThat(byJob.state()).isEqualTo(ProposalState.OFFERED);
        assertThat(byRequest.state()).isEqualTo(ProposalState.OFFERED);
        assertThat(byRequest.reservationId()).isEqualTo(byJob.reservationId());
        assertThat(onKafka(typeFor(TransferOffered.class, proposal))).as("offered once").hasSize(1);
    }

    @Test
    void a_declined_offer_returns_the_client_and_the_pair_is_not_proposed_again() {
        String region = "zeeland";
        String referral = id("ref-declined");
        String line = id("line-declined");
        setUp(region, referral, null, line, "22500002", 2);
        String coordinator = token("coordinator-z1", "COORDINATOR", "22500003", region);
        String proposal = awaitInQueue(coordinator, referral).path("proposalId").asText();
        assertThat(twoApprovals(region, proposal)).isEqualTo("OFFERED");
        String provider = token("desk-22500002", "PROVIDER", "22500002", region);
        String otherProvider = token("desk-22500009", "PROVIDER", "22500009", region);

        api.json(api.post(otherProvider, "/api/v1/offers/" + proposal + "/provider-response",
                body("accepted", false, "declineReason", "OTHER")), 404);
        api.json(api.post(provider, "/api/v1/offers/" + proposal + "/provider-response", body("accepted", false)), 400);
        JsonNode declined = api.json(api.post(provider, "/api/v1/offers/" + proposal + "/provider-response",
                body("accepted", false, "declineReason", "NOT_SUITABLE_FOR_OUR_CARE")), 200);
        assertThat(declined.path("state").asText()).isEqualTo("DECLINED");
        TransferEnded ended = onKafka(typeFor(TransferEnded.class, proposal)).get(0).payloadAs(TransferEnded.class);
        assertThat(ended.outcome()).isEqualTo(TransferEnded.Outcome.DECLINED_BY_PROVIDER);
        assertThat(ended.reservationId()).isNotNull();

        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral))
                .as("the declined pair is not proposed again").isEqualTo(1);

        String otherLine = id("line-declined-other");
        FakeCapacityService.instance().places(otherLine, 1);
        EVENTS.publish(region, "22500004", World.contract("22500004", true, false, 1));
        EVENTS.publish(region, otherLine, World.line(otherLine, "22500004", "3013", 1));
        JsonNode again = awaitInQueue(coordinator, referral);
        assertThat(again.path("proposed").path("providerAgb").asText()).isEqualTo("22500004");
        JsonNode figures = api.json(api.get(coordinator, "/api/v1/figures"), 200);
        assertThat(figures.path("declinesByReason").path("NOT_SUITABLE_FOR_OUR_CARE").asLong()).isEqualTo(1);
    }

    @Test
    void an_offer_nobody_answers_expires_after_the_configured_five_days() {
        String region = "drenthe";
        String referral = id("ref-expiry");
        String line = id("line-expiry");
        setUp(region, referral, "22600001", line, "22600002", 1);
        String coordinator = token("coordinator-d1", "COORDINATOR", "22600003", region);
        String proposal = awaitInQueue(coordinator, referral).path("proposalId").asText();
        assertThat(twoApprovals(region, proposal)).isEqualTo("OFFERED");
        // only a supporter of the organisation the client named may answer (issue 11 item 6)
        EVENTS.publish(region, referral, new nl.transfertafel.contracts.events.intake.ClientSupportChanged(referral,
                World.pseudonym(referral), "COS-DRENTHE"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from client_support where referral_id = :v", referral)).isEqualTo(1));
        api.json(api.post(token("support-d", "CLIENT_SUPPORT", "COS-DRENTHE", region),
                "/api/v1/offers/" + proposal + "/client-response", body("accepted", true)), 200);

        clock.advance(Duration.ofDays(5).minusMinutes(5));
        offers.expireOffers().block(WAIT);
        assertThat(count("select count(*) from proposal where proposal_id = :v and state = 'ACCEPTED_BY_CLIENT'", proposal))
                .isEqualTo(1);
        clock.advance(Duration.ofMinutes(10));
        assertThat(offers.expireOffers().block(WAIT)).isGreaterThanOrEqualTo(1);

        assertThat(count("select count(*) from proposal where proposal_id = :v and state = 'EXPIRED'", proposal)).isEqualTo(1);
        assertThat(onKafka(typeFor(TransferEnded.class, proposal)).get(0).payloadAs(TransferEnded.class).outcome())
                .isEqualTo(TransferEnded.Outcome.OFFER_EXPIRED);
    }

    @Test
    void a_coordinator_proposes_by_hand_under_the_same_rules_and_cannot_approve_it_herself() {
        String region = "friesland";
        String referral = id("ref-manual");
        String line = id("line-manual");
        String far = id("line-manual-uncontracted");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, referral, World.referral(referral, "8911", Urgency.REGULAR, today().minusDays(10)));
        // the client waits unplaced; matching waits for the entry that says so (issue 11 item 2)
        EVENTS.publish(region, referral, World.entry(referral, null, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(10), 1));
        EVENTS.publish(region, "22700002", World.contract("22700002", true, false, 1));
        EVENTS.publish(region, "22700004", World.contract("22700004", false, false, 1));
        EVENTS.publish(region, far, World.line(far, "22700004", "8912", 1));
        String proposer = token("coordinator-f1", "COORDINATOR", "22700003", region);
        String other = token("coordinator-f2", "COORDINATOR", "22700006", region);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(api.json(api.get(proposer, "/api/v1/waiting-clients"), 200).toString()).contains(referral);
            assertThat(api.json(api.get(proposer, "/api/v1/capacity-lines"), 200).toString()).contains(far);
        });
        JsonNode refused = api.json(api.post(proposer, "/api/v1/proposals",
                body("referralId", referral, "capacityLineId", far)), 409);
        assertThat(refused.path("rule").asText()).isEqualTo("not-eligible");
        assertThat(refused.path("detail").asText()).contains("has not contracted provider 22700004");

        EVENTS.publish(region, line, World.line(line, "22700002", "8912", 1));
        String engineProposal = awaitInQueue(proposer, referral).path("proposalId").asText();
        api.json(api.post(proposer, "/api/v1/proposals", body("referralId", referral, "capacityLineId", line)), 409);
        // a rejection needs four eyes too (issue 11 item 3): pending until a second coordinator confirms it
        assertThat(api.json(api.post(proposer, "/api/v1/proposals/" + engineProposal + "/reject",
                body("reason", "CLIENT_SITUATION_CHANGED")), 200).path("state").asText()).isEqualTo("PROPOSED");
        assertThat(api.json(api.post(other, "/api/v1/proposals/" + engineProposal + "/reject",
                body("reason", "CLIENT_SITUATION_CHANGED")), 200).path("state").asText()).isEqualTo("REJECTED");
        api.json(api.post(proposer, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral))
                .as("the engine does not propose the rejected pair again").isEqualTo(1);

        JsonNode manual = api.json(api.post(proposer, "/api/v1/proposals",
                body("referralId", referral, "capacityLineId", line)), 201);
        assertThat(manual.path("origin").asText()).isEqualTo("MANUAL");
        String proposal = manual.path("proposalId").asText();
        assertThat(onKafka(typeFor(TransferProposed.class, proposal)).get(0).payloadAs(TransferProposed.class).origin())
                .isEqualTo(TransferProposed.Origin.MANUAL);

        JsonNode own = api.json(api.post(proposer, "/api/v1/proposals/" + proposal + "/approve", null), 403);
        assertThat(own.path("rule").asText()).isEqualTo("own-proposal");
        assertThat(own.path("detail").asText()).isEqualTo(
                "You proposed this match yourself; two other coordinators of the region must approve it.");
        assertThat(api.json(api.post(other, "/api/v1/proposals/" + proposal + "/approve", null), 200)
                .path("state").asText()).isEqualTo("SCREENED_ONCE");
        JsonNode detail = api.json(api.get(other, "/api/v1/proposals/" + proposal), 200);
        assertThat(detail.path("fourEyes").path("proposedBy").asText()).isEqualTo("coordinator-f1");
        assertThat(detail.path("fourEyes").path("stillNeeded").asText()).contains("coordinator-f2")
                .contains("coordinator-f1");
        assertThat(detail.path("explanation").path("note").asText()).contains("by hand");
    }

    @Test
    void the_queue_stream_tells_the_regions_coordinators_what_changed() {
        String region = "arnhem";
        String coordinator = token("coordinator-ar", "COORDINATOR", "22910003", region);
        var stream = web.mutate().responseTimeout(WAIT).build().get().uri("/api/v1/screening/stream")
                .headers(h -> h.setBearerAuth(coordinator)).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody();
        String referral = id("ref-stream");
        var changes = stream.filter(e -> "queue-changed".equals(e.event()))
                .filter(e -> e.data() != null && "TransferProposed".equals(e.data().path("eventType").asText()))
                .next()
                .toFuture();
        setUp(region, referral, "22910001", id("line-stream"), "22910002", 1);

        ServerSentEvent<JsonNode> change = reactor.core.publisher.Mono.fromFuture(changes).block(WAIT);
        assertThat(change.data().path("region").asText()).isEqualTo(region);
        assertThat(change.data().path("proposalId").asText()).isNotBlank();
        assertThat(change.data().toString()).doesNotContain(World.pseudonym(referral));
    }

    @Test
    void a_proposal_waiting_too_long_for_screening_is_signalled_once() {
        String region = "nijmegen";
        String referral = id("ref-overdue");
        setUp(region, referral, "22920001", id("line-overdue"), "22920002", 1);
        String coordinator = token("coordinator-n1", "COORDINATOR", "22920003", region);
        String proposal = awaitInQueue(coordinator, referral).path("proposalId").asText();

        clock.advance(Duration.ofHours(49));
        offers.signalOverdueScreenings().block(WAIT);
        offers.signalOverdueScreenings().block(WAIT);

        List<EventEnvelope> overdue = onKafka(typeFor(ScreeningOverdue.class, proposal));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).payloadAs(ScreeningOverdue.class).hoursWaiting()).isGreaterThanOrEqualTo(48);
        assertThat(awaitInQueue(coordinator, referral).path("overdue").asBoolean()).isTrue();
    }
}
