package nl.transfertafel.transfertable.flow;

import static nl.transfertafel.transfertable.support.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.contracts.events.transfer.TransferProposed;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 2 on the real engines: a provider closes; its waiting client becomes part of a closure
 * case, goes before an equal client for the one free place, passes four-eyes screening as always, and the
 * queue view shows the case's progress and report, per region for coordinators and per insurer.
 *
 * <p>Each test uses postcode districts of its own (20, 43, 73, 68, 56): a closure member its region cannot place may take
 * a free line of another region within its travel distance (ADR 1430), so clients and lines of other tests stay
 * beyond every client's 25 km.
 */
class ClosureCaseIT extends FlowScenarios {

    private static final String CLOSING = "24100001";
    private static final String RECEIVING = "24100002";
    private static final String OTHER = "24100003";

    private long members(String closureId) {
        return count("select count(*) from closure_member where closure_id = :v", closureId);
    }

    @Test
    void a_closing_providers_client_is_rematched_first_screened_by_four_eyes_and_counted_in_its_case() {
        String region = "closure-" + UUID.randomUUID().toString().substring(0, 8);
        String closing = id("ref-closing");
        String equal = id("ref-equal");
        String treated = id("ref-treated");
        LocalDate registered = today().minusDays(40);
        // the equal client lives next to the line: without the closure tier it would win the one place
        EVENTS.publish(region, closing, World.referral(closing, "2011", Urgency.REGULAR, registered));
        EVENTS.publish(region, closing, World.entry(closing, CLOSING, WaitingEntryChanged.Stage.WAITING, registered, 1));
        EVENTS.publish(region, equal, World.referral(equal, "2012", Urgency.REGULAR, registered));
        EVENTS.publish(region, equal, World.entry(equal, OTHER, WaitingEntryChanged.Stage.WAITING, registered, 1));
        EVENTS.publish(region, treated, World.referral(treated, "2011", Urgency.REGULAR, today().minusDays(300)));
        EVENTS.publish(region, treated, World.entry(treated, CLOSING, WaitingEntryChanged.Stage.IN_TREATMENT,
                today().minusDays(300), 2));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id in ("
                + "select unnest(string_to_array(:v, ','))) and entry_version is not null and has_referral",
                closing + "," + equal + "," + treated) == 3);

        String closureId = "closure-" + UUID.randomUUID();
        var announced = new ProviderClosureAnnounced(closureId, CLOSING, null, List.of(), today().plusDays(60),
                "Intake desk GGZ Sluit, 010 000 0000", List.of());
        EventEnvelope first = EVENTS.publish(region, closureId, announced);
        await().atMost(WAIT).until(() -> members(closureId) == 2);
        // a redelivery and a second copy of the announcement add nobody twice
        EVENTS.send(first);
        EventEnvelope copy = EVENTS.publish(region, closureId, announced, Instant.now());
        await().atMost(WAIT).until(() -> count("select count(*) from processed_event where event_id::text = :v",
                copy.eventId().toString()) == 1);
        String coordinatorA = token("coord-a-" + region, "COORDINATOR", "24100009", region);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                api.json(api.get(coordinatorA, "/api/v1/closures"), 200).path(0).path("report").path("clients").asInt())
                .isEqualTo(2));
        assertThat(members(closureId)).isEqualTo(2);

        String line = id("line-closure");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, RECEIVING, "2012", 1));

        TransferProposed proposed = onKafka(typeFor(TransferProposed.class, closing)).get(0)
                .payloadAs(TransferProposed.class);
        assertThat(proposed.currentProviderAgb()).isEqualTo(CLOSING);
        assertThat(count("select count(*) from proposal where referral_id = :v", equal)).isZero();
        JsonNode detail = api.json(api.get(coordinatorA, "/api/v1/proposals/" + proposed.proposalId()), 200);
        assertThat(detail.path("explanation").path("score").path("closure").asBoolean()).isTrue();

        JsonNode inScreening = api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200);
        assertThat(inScreening.path("report").path("inScreening").asInt()).isEqualTo(1);
        assertThat(inScreening.path("report").path("warmHandover").asInt()).isEqualTo(1);
        JsonNode members = inScreening.path("members");
        assertThat(members).anySatisfy(m -> {
            assertThat(m.path("referralId").asText()).isEqualTo(closing);
            assertThat(m.path("status").asText()).isEqualTo("IN_SCREENING");
            assertThat(m.path("proposalId").asText()).isEqualTo(proposed.proposalId());
        }).anySatisfy(m -> {
            assertThat(m.path("referralId").asText()).isEqualTo(treated);
            assertThat(m.path("warmHandover").asBoolean()).isTrue();
            assertThat(m.path("handoverContact").asText()).isEqualTo("Intake desk GGZ Sluit, 010 000 0000");
        });

        // four eyes as always: one approval is not enough, two of other organisations make the offer
        String coordinatorB = token("coord-b-" + region, "COORDINATOR", "24100008", region);
        api.json(api.post(coordinatorA, "/api/v1/proposals/" + proposed.proposalId() + "/approve", null), 200);
        assertThat(api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200)
                .path("report").path("inScreening").asInt()).isEqualTo(1);
        api.json(api.post(coordinatorB, "/api/v1/proposals/" + proposed.proposalId() + "/approve", null), 200);
        onKafka(typeFor(TransferOffered.class, proposed.proposalId()));
        JsonNode offered = api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200);
        assertThat(offered.path("report").path("offered").asInt()).isEqualTo(1);
        assertThat(offered.path("report").path("longestRemainingWaitDays").asInt()).isEqualTo(40);
    }

    private static final String CLOSING_TOO = "24100011";

    @Test
    void an_insurer_sees_only_the_clients_it_insures_and_other_roles_and_regions_see_nothing() {
        String region = "closure-" + UUID.randomUUID().toString().substring(0, 8);
        String client = id("ref-insured");
        LocalDate registered = today().minusDays(10);
        EVENTS.publish(region, client, World.referral(client, "4331", Urgency.REGULAR, registered));
        EVENTS.publish(region, client, World.entry(client, CLOSING_TOO, WaitingEntryChanged.Stage.WAITING, registered, 1));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", client) == 1);
        String closureId = "closure-" + UUID.randomUUID();
        EVENTS.publish(region, closureId, new ProviderClosureAnnounced(closureId, CLOSING_TOO, null, List.of(),
                today().plusDays(30), "Desk", List.of()));
        await().atMost(WAIT).until(() -> members(closureId) >= 1);

        String insurer = token("mediation-" + region, "INSURER", World.INSURER, region);
        JsonNode mine = api.json(api.get(insurer, "/api/v1/closures/" + closureId), 200);
        assertThat(mine.path("members")).singleElement()
                .satisfies(m -> assertThat(m.path("referralId").asText()).isEqualTo(client));
        String otherInsurer = token("mediation-7029-" + region, "INSURER", "7029", region);
        assertThat(api.json(api.get(otherInsurer, "/api/v1/closures"), 200).toString()).doesNotContain(closureId);
        api.json(api.get(otherInsurer, "/api/v1/closures/" + closureId), 404);
        String otherRegion = token("coord-elsewhere", "COORDINATOR", "24100007", "elsewhere-" + region);
        api.json(api.get(otherRegion, "/api/v1/closures/" + closureId), 404);
        String gp = token("gp-" + region, "GP", World.GP, region);
        api.json(api.get(gp, "/api/v1/closures"), 403);
    }

    private static final String CLOSING_THREE = "24100021";

    @Test
    void a_client_in_treatment_whose_treatment_must_move_is_rematched_with_its_clock_from_the_end_date() {
        String region = "closure-" + UUID.randomUUID().toString().substring(0, 8);
        String treated = id("ref-must-move");
        LocalDate registered = today().minusDays(300);
        EVENTS.publish(region, treated, World.referral(treated, "7311", Urgency.REGULAR, registered));
        EVENTS.publish(region, treated, World.entry(treated, CLOSING_THREE, WaitingEntryChanged.Stage.IN_TREATMENT,
                registered, 2));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", treated) == 1);
        String closureId = "closure-" + UUID.randomUUID();
        LocalDate endDate = today().plusDays(50);
        EVENTS.publish(region, closureId, new ProviderClosureAnnounced(closureId, CLOSING_THREE, null, List.of(),
                endDate, "Behandelaar-desk GGZ Sluit", List.of()));
        await().atMost(WAIT).until(() -> members(closureId) == 1);
        String coordinatorA = token("coord-a-" + region, "COORDINATOR", "24100009", region);
        assertThat(api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200).path("members").path(0)
                .path("status").asText()).isEqualTo("WARM_HANDOVER");

        // intake puts the client back on the waiting list (TREATMENT_MUST_MOVE), still at the closing provider
        WaitingEntryChanged mustMove = new WaitingEntryChanged(treated, World.pseudonym(treated), World.GP,
                CLOSING_THREE, WaitingEntryChanged.Placement.PLACED, WaitingStatus.ACTIVE_PLACEMENT,
                WaitingEntryChanged.Stage.WAITING, WaitingEntryChanged.Change.TREATMENT_MUST_MOVE, null,
                DiagnosisGroup.DEPRESSION, Urgency.REGULAR, registered, null, null, today(), 3, endDate, null);
        String line = id("line-must-move");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, RECEIVING, "7312", 1));
        // the line first, so the region's own round places the client and it never needs another region's line
        await().atMost(WAIT).until(() -> count("select count(*) from capacity_line where capacity_line_id = :v"
                + " and announced", line) == 1);
        EVENTS.publish(region, treated, mustMove);

        TransferProposed proposed = onKafka(typeFor(TransferProposed.class, treated)).get(0)
                .payloadAs(TransferProposed.class);
        assertThat(proposed.currentProviderAgb()).isEqualTo(CLOSING_THREE);
        JsonNode detail = api.json(api.get(coordinatorA, "/api/v1/proposals/" + proposed.proposalId()), 200);
        assertThat(detail.path("explanation").path("score").path("closure").asBoolean()).isTrue();
        assertThat(detail.path("explanation").path("score").path("daysWaited").asInt())
                .as("the clock counts from the end date, not the registration 300 days ago").isZero();
        JsonNode member = api.json(api.get(coordinatorA, "/api/v1/closures/" + closureId), 200).path("members").path(0);
        assertThat(member.path("status").asText()).isEqualTo("IN_SCREENING");
        assertThat(member.path("rematchedFromTreatment").asBoolean()).isTrue();
        assertThat(member.path("handoverContact").asText()).isEqualTo("Behandelaar-desk GGZ Sluit");
    }

    private static final String CLOSING_FOUR = "24100031";

    @Test
    void a_client_placed_at_the_closing_provider_after_the_announcement_joins_the_case_once() {
        String region = "closure-" + UUID.randomUUID().toString().substring(0, 8);
        String closureId = "closure-" + UUID.randomUUID();
        EVENTS.publish(region, closureId, new ProviderClosureAnnounced(closureId, CLOSING_FOUR, null,
                List.of(DiagnosisGroup.DEPRESSION), today().plusDays(40), "Desk", List.of()));
        await().atMost(WAIT).until(() -> count("select count(*) from provider_closure where closure_id = :v",
                closureId) == 1);
        assertThat(members(closureId)).isZero();

        // after the announcement, before the end date: a referral placed at the closing provider joins
        String late = id("ref-late");
        EVENTS.publish(region, late, World.referral(late, "6811", Urgency.REGULAR, today()));
        EVENTS.publish(region, late, World.entry(late, CLOSING_FOUR, WaitingEntryChanged.Stage.WAITING, today(), 1));
        await().atMost(WAIT).until(() -> members(closureId) == 1);
        // its next change joins nobody twice
        EVENTS.publish(region, late, World.entry(late, CLOSING_FOUR, WaitingEntryChanged.Stage.WAITING, today(), 2));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version = 2", late) == 1);
        assertThat(members(closureId)).isEqualTo(1);
        // a client of another provider does not join
        String elsewhere = id("ref-elsewhere");
        EVENTS.publish(region, elsewhere, World.referral(elsewhere, "6811", Urgency.REGULAR, today()));
        EVENTS.publish(region, elsewhere, World.entry(elsewhere, OTHER, WaitingEntryChanged.Stage.WAITING, today(), 1));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", elsewhere) == 1);
        assertThat(count("select count(*) from closure_member where referral_id = :v", elsewhere)).isZero();

        String coordinator = token("coord-a-" + region, "COORDINATOR", "24100009", region);
        assertThat(api.json(api.get(coordinator, "/api/v1/closures/" + closureId), 200).path("members").path(0)
                .path("referralId").asText()).isEqualTo(late);
    }

    private static final String CLOSING_FIVE = "24100041";

    private static WaitingEntryChanged at(String referralId, String provider, String locationId, LocalDate registered) {
        WaitingEntryChanged e = World.entry(referralId, provider, WaitingEntryChanged.Stage.WAITING, registered, 1);
        return new WaitingEntryChanged(e.referralId(), e.clientPseudonym(), e.referrerAgb(), e.providerAgb(),
                e.placement(), e.waitingStatus(), e.stage(), e.change(), null, e.diagnosisGroup(), e.urgency(),
                e.registeredOn(), null, null, e.statusConfirmedOn(), e.version(), null, locationId);
    }

    @Test
    void a_location_closure_takes_in_that_locations_clients_and_those_whose_location_is_unknown_marked_so() {
        String region = "closure-" + UUID.randomUUID().toString().substring(0, 8);
        String closingLocation = UUID.randomUUID().toString();
        String there = id("ref-there");
        String otherLocation = id("ref-other-location");
        String unknown = id("ref-unknown");
        LocalDate registered = today().minusDays(15);
        for (String client : List.of(there, otherLocation, unknown)) {
            EVENTS.publish(region, client, World.referral(client, "5611", Urgency.REGULAR, registered));
        }
        EVENTS.publish(region, there, at(there, CLOSING_FIVE, closingLocation, registered));
        EVENTS.publish(region, otherLocation, at(otherLocation, CLOSING_FIVE, UUID.randomUUID().toString(), registered));
        EVENTS.publish(region, unknown, at(unknown, CLOSING_FIVE, null, registered));
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id in ("
                + "select unnest(string_to_array(:v, ','))) and entry_version is not null and has_referral",
                there + "," + otherLocation + "," + unknown) == 3);

        String closureId = "closure-" + UUID.randomUUID();
        EVENTS.publish(region, closureId, new ProviderClosureAnnounced(closureId, CLOSING_FIVE, closingLocation,
                List.of(), today().plusDays(30), "Desk", List.of()));
        await().atMost(WAIT).until(() -> members(closureId) == 2);

        String coordinator = token("coord-a-" + region, "COORDINATOR", "24100009", region);
        JsonNode detail = api.json(api.get(coordinator, "/api/v1/closures/" + closureId), 200);
        assertThat(detail.path("report").path("locationUnknown").asInt()).isEqualTo(1);
        assertThat(detail.path("members")).noneSatisfy(m ->
                assertThat(m.path("referralId").asText()).isEqualTo(otherLocation));
        assertThat(detail.path("members")).anySatisfy(m -> {
            assertThat(m.path("referralId").asText()).isEqualTo(unknown);
            assertThat(m.path("locationUnknown").asBoolean()).isTrue();
        }).anySatisfy(m -> {
            assertThat(m.path("referralId").asText()).isEqualTo(there);
            assertThat(m.path("locationUnknown").asBoolean()).isFalse();
        });

        // a late joiner of another location stays out too; one of the closing location joins
        String lateThere = id("ref-late-there");
        EVENTS.publish(region, lateThere, World.referral(lateThere, "5611", Urgency.REGULAR, today()));
        EVENTS.publish(region, lateThere, at(lateThere, CLOSING_FIVE, closingLocation, today()));
        String lateElsewhere = id("ref-late-elsewhere");
        EVENTS.publish(region, lateElsewhere, World.referral(lateElsewhere, "5611", Urgency.REGULAR, today()));
        EVENTS.publish(region, lateElsewhere, at(lateElsewhere, CLOSING_FIVE, UUID.randomUUID().toString(), today()));
        await().atMost(WAIT).until(() -> members(closureId) == 3);
        await().atMost(WAIT).until(() -> count("select count(*) from waiting_client where referral_id = :v"
                + " and entry_version is not null and has_referral", lateElsewhere) == 1);
        assertThat(count("select count(*) from closure_member where referral_id = :v", lateElsewhere)).isZero();
    }
}
