package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.escalation.application.EscalationService;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When a waiting client becomes an escalation case (domain rule 9), on the real engines and the round's own
 * snapshot: six weeks without eligible capacity goes to the insurer's mediation, not a day before; a client
 * in an open proposal has a match and does not escalate, however long they waited.
 */
class EscalationTimingIT extends ProposalScenarios {

    @Autowired
    EscalationService escalations;

    private void waiting(String region, String referral, Urgency urgency, LocalDate registeredOn) {
        EVENTS.publish(region, referral, World.referral(referral, "5211", urgency, registeredOn));
        EVENTS.publish(region, referral, new WaitingEntryChanged(referral, World.pseudonym(referral), World.GP,
                "22730001", WaitingEntryChanged.Placement.PLACED,
                nl.transfertafel.contracts.vocabulary.WaitingStatus.ACTIVE_PLACEMENT, WaitingEntryChanged.Stage.WAITING,
                WaitingEntryChanged.Change.REGISTERED, null, nl.transfertafel.contracts.vocabulary.DiagnosisGroup.DEPRESSION,
                urgency, registeredOn, null, null, registeredOn, 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where entry_version is not null and has_referral and referral_id = :v",
                referral)).isEqualTo(1));
    }

    private String reasonOpenedFor(String referral) {
        return db.sql("select reason from escalation where referral_id = :v").bind("v", referral)
                .map(row -> row.get(0, String.class)).all().collectList().block().stream().findFirst().orElse(null);
    }

    @Test
    void no_eligible_capacity_escalates_to_the_insurers_mediation_at_six_weeks_and_not_a_day_before() {
        String region = "noordoost-brabant"; // no capacity at all in this region
        String sixWeeks = id("ref-42-days");
        String aDayShort = id("ref-41-days");
        waiting(region, sixWeeks, Urgency.REGULAR, today().minusDays(42));
        waiting(region, aDayShort, Urgency.REGULAR, today().minusDays(41));

        assertThat(escalations.openDueEscalations(region).block(WAIT)).isEqualTo(1);
        assertThat(escalations.openDueEscalations(region).block(WAIT)).as("once per client and reason").isZero();

        assertThat(reasonOpenedFor(sixWeeks)).isEqualTo(EscalationOpened.Reason.NO_ELIGIBLE_CAPACITY.name());
        assertThat(reasonOpenedFor(aDayShort)).isNull();
        assertThat(text("select route from escalation where referral_id = :v", sixWeeks))
                .isEqualTo(EscalationOpened.Route.INSURER_MEDIATION.name());
        assertThat(outboxed("EscalationOpened", sixWeeks)).isEqualTo(1);
    }

    @Test
    void an_urgent_client_in_an_open_proposal_has_a_match_and_does_not_escalate() {
        String region = "zuidoost-brabant";
        String referral = id("ref-urgent-matched");
        String line = id("line-urgent-matched");
        nl.transfertafel.transfertable.support.FakeCapacityService.instance().places(line, 1);
        waiting(region, referral, Urgency.URGENT, today().minusDays(30));
        EVENTS.publish(region, RECEIVING, World.contract(RECEIVING, true, false, System.nanoTime()));
        EVENTS.publish(region, line, World.line(line, RECEIVING, "5212", 1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", referral)).isEqualTo(1));

        assertThat(escalations.openDueEscalations(region).block(WAIT)).isZero();
        assertThat(reasonOpenedFor(referral)).isNull();

        // the proposal ends (the client declined): now the urgent client has no match after 30 days
        db.sql("update proposal set state = 'DECLINED' where referral_id = :v").bind("v", referral).then().block();
        assertThat(escalations.openDueEscalations(region).block(WAIT)).isEqualTo(1);
        assertThat(reasonOpenedFor(referral)).isEqualTo(EscalationOpened.Reason.URGENT_WITHOUT_MATCH.name());
    }
}
