package nl.transfertafel.intake.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import nl.transfertafel.intake.transfer.domain.TransferProgress.State;
import org.junit.jupiter.api.Test;

class TransferProgressTest {

    private static final UUID REFERRAL = UUID.randomUUID();
    private static final LocalDate ON = LocalDate.of(2026, 11, 22);

    @Test
    void a_proposal_goes_from_proposed_to_offered_to_completed() {
        TransferProgress proposed = TransferProgress.proposed(null, REFERRAL, "p1", "22000002").orElseThrow();
        TransferProgress offered = TransferProgress.offered(proposed, REFERRAL, "p1", "22000002").orElseThrow();
        TransferProgress completed = TransferProgress.completed(offered, REFERRAL, "p1", "22000002", "intake desk", ON)
                .orElseThrow();

        assertThat(proposed.state()).isEqualTo(State.PROPOSED);
        assertThat(offered.state()).isEqualTo(State.OFFERED);
        assertThat(completed.state()).isEqualTo(State.COMPLETED);
        assertThat(completed.handoverContact()).isEqualTo("intake desk");
    }

    @Test
    void a_second_completion_of_the_same_proposal_changes_nothing() {
        TransferProgress completed = TransferProgress.completed(null, REFERRAL, "p1", "22000002", "desk", ON).orElseThrow();

        assertThat(TransferProgress.completed(completed, REFERRAL, "p1", "22000002", "desk", ON)).isEmpty();
        assertThat(TransferProgress.proposed(completed, REFERRAL, "p1", "22000002")).isEmpty();
        assertThat(TransferProgress.offered(completed, REFERRAL, "p1", "22000002")).isEmpty();
        assertThat(TransferProgress.ended(completed, "p1", "OFFER_EXPIRED")).isEmpty();
    }

    @Test
    void the_end_of_an_older_proposal_does_not_touch_the_current_one() {
        TransferProgress current = TransferProgress.proposed(null, REFERRAL, "p2", "22000003").orElseThrow();

        assertThat(TransferProgress.ended(current, "p1", "DECLINED_BY_CLIENT")).isEmpty();
        TransferProgress ended = TransferProgress.ended(current, "p2", "DECLINED_BY_CLIENT").orElseThrow();
        assertThat(ended.state()).isEqualTo(State.ENDED);
        assertThat(ended.outcome()).isEqualTo("DECLINED_BY_CLIENT");
    }

    @Test
    void a_new_proposal_after_an_ended_one_starts_over() {
        TransferProgress ended = TransferProgress.ended(
                TransferProgress.proposed(null, REFERRAL, "p1", "22000002").orElseThrow(), "p1", "PLACE_GONE").orElseThrow();

        TransferProgress next = TransferProgress.proposed(ended, REFERRAL, "p2", "22000004").orElseThrow();

        assertThat(next.proposalId()).isEqualTo("p2");
        assertThat(next.outcome()).isNull();
    }
}
