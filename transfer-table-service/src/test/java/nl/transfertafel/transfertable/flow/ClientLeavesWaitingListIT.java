package nl.transfertafel.transfertable.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.transfertable.support.World;
import org.junit.jupiter.api.Test;

/**
 * A client in four-eyes screening leaves the waiting list (withdrawn at intake): the proposal ends once, and the
 * matching round that the change asks for, or one already running, never proposes the client again. The
 * withdrawal takes the region's round lock, as the one for withdrawn screening consent does (ScreeningConsentIT
 * found that race: a round that read the client before the withdrawal committed proposed it after).
 */
class ClientLeavesWaitingListIT extends ProposalScenarios {

    @Test
    void a_client_who_leaves_the_list_is_withdrawn_once_and_its_place_goes_to_the_next_client() {
        String region = "left-" + Long.toHexString(System.nanoTime());
        String line = id("line-left");
        String leaving = id("ref-leaving");
        String proposal = proposed(region, leaving, line, 1);
        String next = id("ref-left-next");
        EVENTS.publish(region, next, World.entry(next, "22700001", WaitingEntryChanged.Stage.WAITING,
                today().minusDays(30), 1));
        EVENTS.publish(region, next, World.referral(next, "3011", Urgency.REGULAR, today().minusDays(30)));

        EventEnvelope withdrawn = EVENTS.publish(region, leaving, World.entry(leaving, "22700001",
                WaitingEntryChanged.Stage.WITHDRAWN, today().minusDays(40), 2));
        EVENTS.send(withdrawn); // the broker delivers it again

        await().atMost(WAIT).untilAsserted(() -> assertThat(stateOf(proposal)).isEqualTo("WITHDRAWN"));
        assertThat(outboxed("TransferEnded", proposal)).as("ended once").isEqualTo(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", next)).isEqualTo(1));
        assertThat(count("select count(*) from proposal where referral_id = :v and state = 'PROPOSED'", leaving))
                .as("the client who left is not proposed again").isZero();
    }
}
