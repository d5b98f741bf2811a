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
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.events.transfer.EscalationResolved;
import nl.transfertafel.contracts.events.transfer.TransferBlocked;
import nl.transfertafel.contracts.events.transfer.TransferEnded;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.support.Api;
import nl.transfertafel.transfertable.support.FakeCapacityService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What insurers must see (contract and ceiling blocks, escalations of their clients), waiting-list
 * screening, and a client leaving the list while proposed, on the real engines.
 */
class EscalationsAndBlocksIT extends FlowScenarios {

    @Autowired
    EscalationService escalations;

    @Test
    void a_contract_block_is_published_once_listed_for_the_insurer_and_lifted_by_a_new_contract() {
        String region = "zwolle";
        String referral = id("ref-blocked");
        String line = id("line-blocked");
        String coordinator = token("coordinator-zw", "COORDINATOR", "23100003", region);
        EVENTS.publish(region, referral, World.referral(referral, "8011", Urgency.REGULAR, today().minusDays(30)));
        EVENTS.publish(region, referral, World.entry(referral, null, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(30), 1)); // matching waits for the placement (issue 11 item 2)
        EVENTS.publish(region, "23100002", World.contract("23100002", true, true, 1)); // ceiling reached
        EVENTS.publish(region, line, World.line(line, "23100002", "8012", 1));

        List<EventEnvelope> blocked = onKafka(typeFor(TransferBlocked.class, referral), WAIT);
        assertThat(EventSchemas.violations(blocked.get(0))).isEmpty();
        TransferBlocked block = blocked.get(0).payloadAs(TransferBlocked.class);
        assertThat(block.reason()).isEqualTo(TransferBlocked.Reason.CEILING_REACHED);
        assertThat(block.insurerUzovi()).isEqualTo(World.INSURER);
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(onKafka(typeFor(TransferBlocked.class, referral), Duration.ofSeconds(3))).as("once per block").hasSize(1);

        String insurer = token("mediation-3311", "INSURER", World.INSURER, "rotterdam");
        JsonNode list = api.json(api.get(insurer, "/api/v1/blocked-transfers?region=" + region), 200);
        assertThat(list).anySatisfy(b -> {
            assertThat(b.path("referralId").asText()).isEqualTo(referral);
            assertThat(b.path("reason").asText()).isEqualTo("CEILING_REACHED");
            assertThat(b.path("liftedAt").isNull() || b.path("liftedAt").isMissingNode()).isTrue();
        });
        String otherInsurer = token("mediation-7029", "INSURER", "7029", region);
        assertThat(api.json(api.get(otherInsurer, "/api/v1/blocked-transfers"), 200).toString()).doesNotContain(referral);
        assertThat(api.json(api.get(coordinator, "/api/v1/figures"), 200).path("blockedPerInsurer")
                .path(World.INSURER).path("CEILING_REACHED").asLong()).isEqualTo(1);

        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, "23100002", World.contract("23100002", true, false, 2)); // budget raised
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v", referral)).isEqualTo(1));
        assertThat(api.json(api.get(insurer, "/api/v1/blocked-transfers?region=" + region), 200).get(0)
                .path("liftedAt").isTextual()).isTrue();
    }

    @Test
    void an_urgent_client_without_a_match_escalates_after_seven_days_and_the_insurer_resolves_it() {
        String region = "west-brabant";
        String referral = id("ref-escalate");
        EVENTS.publish(region, referral, World.referral(referral, "4811", Urgency.URGENT, today()));
        // matching and escalation wait for the placement (issue 11 item 2); the entry keeps the urgency
        EVENTS.publish(region, referral, new WaitingEntryChanged(referral, World.pseudonym(referral), World.GP, null,
                WaitingEntryChanged.Placement.UNPLACED_NO_PROVIDER,
                nl.transfertafel.contracts.vocabulary.WaitingStatus.ACTIVE_PLACEMENT, WaitingEntryChanged.Stage.WAITING,
                WaitingEntryChanged.Change.REGISTERED, null, nl.transfertafel.contracts.vocabulary.DiagnosisGroup.DEPRESSION,
                Urgency.URGENT, today(), null, null, today(), 1));
        String coordinator = token("coordinator-wb", "COORDINATOR", "23200003", region);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.json(api.get(coordinator, "/api/v1/waiting-clients"), 200)
                .toString()).contains(referral));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where entry_version is not null and referral_id = :v", referral))
                .isEqualTo(1));

        assertThat(escalations.openDueEscalations(region).block(WAIT)).isZero();
        clock.advance(Duration.ofDays(7));
        assertThat(escalations.openDueEscalations(region).block(WAIT)).isEqualTo(1);
        assertThat(escalations.openDueEscalations(region).block(WAIT)).as("once per client and reason").isZero();

        EscalationOpened opened = onKafka(typeFor(EscalationOpened.class, referral), WAIT).get(0)
                .payloadAs(EscalationOpened.class);
        assertThat(opened.reason()).isEqualTo(EscalationOpened.Reason.URGENT_WITHOUT_MATCH);
        assertThat(opened.route()).isEqualTo(EscalationOpened.Route.ESCALATION_AUTHORITY);
        assertThat(opened.daysWaited()).isGreaterThanOrEqualTo(7);

        JsonNode regional = api.json(api.get(coordinator, "/api/v1/escalations?state=OPEN"), 200);
        assertThat(regional.toString()).contains(opened.escalationId());
        String insurer = token("mediation-3311", "INSURER", World.INSURER, "rotterdam");
        assertThat(api.json(api.get(insurer, "/api/v1/escalations"), 200).toString()).contains(opened.escalationId());
        String otherInsurer = token("mediation-7029", "INSURER", "7029", region);
        assertThat(api.json(api.get(otherInsurer, "/api/v1/escalations"), 200).toString())
                .doesNotContain(opened.escalationId());
        api.json(api.get(otherInsurer, "/api/v1/escalations/" + opened.escalationId()), 404);

        JsonNode routed = api.json(api.post(coordinator, "/api/v1/escalations/" + opened.escalationId() + "/route",
                body("route", "INSURER_MEDIATION")), 200);
        assertThat(routed.path("route").asText()).isEqualTo("INSURER_MEDIATION");
        JsonNode resolved = api.json(api.post(insurer, "/api/v1/escalations/" + opened.escalationId() + "/resolve",
                body("resolution", "PLACED_OUT_OF_REGION")), 200);
        assertThat(resolved.path("state").asText()).isEqualTo("RESOLVED");
        api.json(api.post(insurer, "/api/v1/escalations/" + opened.escalationId() + "/resolve",
                body("resolution", "OTHER")), 409);

        EscalationResolved done = onKafka(typeFor(EscalationResolved.class, opened.escalationId()), WAIT).get(0)
                .payloadAs(EscalationResolved.class);
        assertThat(done.resolvedByOrganisation()).isEqualTo(World.INSURER);
        JsonNode history = api.json(api.get(coordinator, "/api/v1/escalations/" + opened.escalationId()), 200)
                .path("history");
        assertThat(history).extracting(h -> h.path("action").asText()).containsExactly("OPENED", "ROUTED", "RESOLVED");
    }

    @Test
    void a_waiting_client_confirmed_not_suitable_by_two_coordinators_is_not_proposed() {
        String region = "midden-brabant";
        String referral = id("ref-unsuitable");
        String current = "23300001";
        EVENTS.publish(region, referral, World.entry(referral, current, WaitingEntryChanged.Stage.WAITING,
                today().minusDays(60), 3));
        EVENTS.publish(region, referral, World.referral(referral, "5011", Urgency.REGULAR, today().minusDays(60)));
        String fromCurrent = token("coordinator-mb1", "COORDINATOR", current, region);
        String alsoFromCurrent = token("coordinator-mb2", "COORDINATOR", current, region);
        String fromElsewhere = token("coordinator-mb3", "COORDINATOR", "23300009", region);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.json(api.get(fromCurrent, "/api/v1/waiting-clients"), 200)
                .toString()).contains(referral).contains(current));

        JsonNode marked = api.json(api.post(fromCurrent, "/api/v1/waiting-list-screenings", body("referralId", referral,
                "verdict", "NOT_SUITABLE_FOR_TRANSFER", "reason", "TREATMENT_RELATIONSHIP_WITH_CURRENT_PROVIDER")), 201);
        String screening = marked.path("screening").path("screeningId").asText();
        assertThat(marked.path("screening").path("state").asText()).isEqualTo("OPEN");
        assertThat(api.json(api.post(fromCurrent, "/api/v1/waiting-list-screenings/" + screening + "/confirm", null), 403)
                .path("rule").asText()).isEqualTo("already-approved");
        assertThat(api.json(api.post(alsoFromCurrent, "/api/v1/waiting-list-screenings/" + screening + "/confirm", null), 403)
                .path("rule").asText()).isEqualTo("four-eyes-organisation");
        assertThat(api.json(api.post(token("beheerder", "ADMIN", "TRANSFERTAFEL", region),
                "/api/v1/waiting-list-screenings/" + screening + "/confirm", null), 403).path("rule").asText())
                .isEqualTo("not-a-coordinator");
        JsonNode confirmed = api.json(api.post(fromElsewhere, "/api/v1/waiting-list-screenings/" + screening + "/confirm",
                null), 200);
        assertThat(confirmed.path("screening").path("state").asText()).isEqualTo("CONFIRMED");
        assertThat(count("select count(*) from audit_log where action like 'waiting-list.%' and subject_pseudonym = :v",
                World.pseudonym(referral))).isEqualTo(5);

        String line = id("line-unsuitable");
        EVENTS.publish(region, "23300002", World.contract("23300002", true, false, 1));
        EVENTS.publish(region, line, World.line(line, "23300002", "5012", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.json(api.get(fromElsewhere, "/api/v1/capacity-lines"), 200)
                .toString()).contains(line));
        api.json(api.post(fromElsewhere, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral)).isZero();
    }

    @Test
    void a_client_who_leaves_the_waiting_list_ends_the_open_proposal() {
        String region = "zuid-limburg";
        String referral = id("ref-leaves");
        String line = id("line-leaves");
        FakeCapacityService.instance().places(line, 1);
        EVENTS.publish(region, referral, World.referral(referral, "6211", Urgency.REGULAR, today().minusDays(30)));
        EVENTS.publish(region, referral, World.entry(referral, "23400001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(30), 1)); // matching waits for the placement (issue 11 item 2)
        EVENTS.publish(region, "23400002", World.contract("23400002", true, false, 1));
        EVENTS.publish(region, line, World.line(line, "23400002", "6212", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", referral)).isEqualTo(1));

        EVENTS.publish(region, referral, World.entry(referral, "23400001", WaitingEntryChanged.Stage.INTAKE_DONE,
                today().minusDays(30), 7));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'WITHDRAWN'", referral)).isEqualTo(1));
        assertThat(onKafka(typeFor(TransferEnded.class, referral), WAIT).get(0).payloadAs(TransferEnded.class).outcome())
                .isEqualTo(TransferEnded.Outcome.CLIENT_LEFT_WAITING_LIST);
        // an older snapshot arriving late does not bring the client back
        EVENTS.publish(region, referral, World.entry(referral, "23400001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(30), 6));
        String coordinator = token("coordinator-zl", "COORDINATOR", "23400003", region);
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from processed_event where consumer = :v", "transfer-table.record-waiting-entry"))
                .isGreaterThanOrEqualTo(2));
        api.json(api.post(coordinator, "/api/v1/matching/rounds", null), 200);
        assertThat(count("select count(*) from proposal where referral_id = :v", referral)).isEqualTo(1);
        assertThat(api.json(api.get(coordinator, "/api/v1/waiting-clients"), 200).toString()).contains("INTAKE_DONE");
    }
}
