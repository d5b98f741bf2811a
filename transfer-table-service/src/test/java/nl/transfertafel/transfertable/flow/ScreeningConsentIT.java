package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;

/**
 * A client withdraws screening consent in a validation round (issue 15 item 1): intake announces
 * ScreeningConsentChanged on intake.referral-events; the table records it, ends the client's proposals still in
 * four-eyes screening once, and stops proposing the client until consent is given again.
 */
class ScreeningConsentIT extends ProposalScenarios {

    @Test
    void withdrawn_consent_told_twice_withdraws_the_proposal_in_screening_once_and_rounds_pass_the_client_by() {
        String region = region("c-withdrawn");
        String line = id("line-consent");
        String withdrawing = id("ref-consent-off");
        String proposal = proposed(region, withdrawing, line, 1);
        // a second client waits behind the first for the line's one place
        String next = id("ref-consent-next");
        waitingClient(region, next);

        EventEnvelope withdrawn = EVENTS.publish(region, withdrawing,
                new ScreeningConsentChanged(withdrawing, World.pseudonym(withdrawing), false));
        EVENTS.send(withdrawn); // the broker delivers it again

        await().atMost(WAIT).untilAsserted(() -> assertThat(stateOf(proposal)).isEqualTo("WITHDRAWN"));
        assertThat(consentOf(withdrawing)).isFalse();
        assertThat(outboxed("TransferEnded", proposal)).as("ended once").isEqualTo(1);
        // the freed place goes to the other client: the round ran and passed the withdrawing client by
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", next)).isEqualTo(1));
        assertThat(count("select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", withdrawing))
                .isZero();
    }

    @Test
    void consent_given_again_makes_the_client_eligible_at_the_next_round() {
        String region = region("c-again");
        String referral = id("ref-consent-back");
        String proposal = proposed(region, referral, id("line-consent-back"), 1);
        EVENTS.publish(region, referral, new ScreeningConsentChanged(referral, World.pseudonym(referral), false));
        await().atMost(WAIT).untilAsserted(() -> assertThat(stateOf(proposal)).isEqualTo("WITHDRAWN"));

        EVENTS.publish(region, referral, new ScreeningConsentChanged(referral, World.pseudonym(referral), true));

        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", referral)).isEqualTo(1));
        assertThat(consentOf(referral)).isTrue();
    }

    @Test
    void an_offer_already_made_is_left_to_the_clients_answer() {
        String region = region("c-offered");
        String referral = id("ref-consent-offered");
        String proposal = proposed(region, referral, id("line-consent-offered"), 1);
        assertThat(twoApprovals(region, proposal)).isEqualTo("OFFERED");

        EVENTS.publish(region, referral, new ScreeningConsentChanged(referral, World.pseudonym(referral), false));

        await().atMost(WAIT).untilAsserted(() -> assertThat(consentOf(referral)).isFalse());
        assertThat(stateOf(proposal)).isEqualTo("OFFERED");
        assertThat(outboxed("TransferEnded", proposal)).isZero();
    }

    @Test
    void an_older_consent_change_arriving_late_does_not_undo_the_latest_answer() {
        String region = region("c-late");
        String referral = id("ref-consent-late");
        proposed(region, referral, id("line-consent-late"), 1);
        Instant now = Instant.now();
        EVENTS.publish(region, referral, new ScreeningConsentChanged(referral, World.pseudonym(referral), false), now);
        await().atMost(WAIT).untilAsserted(() -> assertThat(consentOf(referral)).isFalse());

        // a dead letter of an earlier answer replayed late, then the referral told again
        EVENTS.publish(region, referral, new ScreeningConsentChanged(referral, World.pseudonym(referral), true),
                now.minusSeconds(60));
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(40)));
        String marker = id("ref-consent-marker");
        waitingClient(region, marker); // published after both: once its row is there, both were handled

        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from waiting_client where referral_id = :v and has_referral", marker)).isEqualTo(1));
        assertThat(consentOf(referral)).isFalse();
    }

    /** A region of this test alone: other classes' lines and clients share the database. */
    private static String region(String name) {
        return name + "-" + Long.toHexString(System.nanoTime());
    }

    private void waitingClient(String region, String referral) {
        EVENTS.publish(region, referral, World.entry(referral, "22700001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(30), 1));
        EVENTS.publish(region, referral, World.referral(referral, "3011", Urgency.REGULAR, today().minusDays(30)));
    }

    private boolean consentOf(String referral) {
        return db.sql("select screening_consent from waiting_client where referral_id = :v").bind("v", referral)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one().block();
    }
}
