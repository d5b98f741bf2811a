package nl.transfertafel.transfertable.escalation.domain;

import static nl.transfertafel.transfertable.matching.domain.TestData.TODAY;
import static nl.transfertafel.transfertable.matching.domain.TestData.aClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.transfer.EscalationOpened;
import nl.transfertafel.transfertable.readmodel.domain.WaitingClient;
import org.junit.jupiter.api.Test;

/** Escalation timing, moving the clock day by day past the thresholds (6 weeks; urgent: 7 days). */
class EscalationPolicyTest {

    private final EscalationPolicy policy = new EscalationPolicy(Duration.ofDays(42), Duration.ofDays(7));
    private final WaitingClient regular = aClient().waitedDays(0).build();   // registered TODAY
    private final WaitingClient urgent = aClient().urgent().waitedDays(0).build();

    private static LocalDate after(int days) {
        return LocalDate.now(Clock.offset(Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC),
                Duration.ofDays(days)));
    }

    @Test
    void a_client_without_eligible_capacity_escalates_to_insurer_mediation_after_six_weeks() {
        assertThat(policy.check(regular, true, false, false, after(41))).isEmpty();
        assertThat(policy.check(regular, true, false, false, after(42))).hasValueSatisfying(c -> {
            assertThat(c.reason()).isEqualTo(EscalationOpened.Reason.NO_ELIGIBLE_CAPACITY);
            assertThat(c.route()).isEqualTo(EscalationOpened.Route.INSURER_MEDIATION);
            assertThat(c.daysWaited()).isEqualTo(42);
        });
    }

    @Test
    void a_client_with_eligible_capacity_does_not_escalate_for_lack_of_capacity() {
        assertThat(policy.check(regular, true, false, true, after(100))).isEmpty();
    }

    @Test
    void an_urgent_client_without_a_match_escalates_to_the_authority_after_seven_days() {
        assertThat(policy.check(urgent, true, false, true, after(6))).isEmpty();
        assertThat(policy.check(urgent, true, false, true, after(7))).hasValueSatisfying(c -> {
            assertThat(c.reason()).isEqualTo(EscalationOpened.Reason.URGENT_WITHOUT_MATCH);
            assertThat(c.route()).isEqualTo(EscalationOpened.Route.ESCALATION_AUTHORITY);
        });
    }

    @Test
    void a_client_with_a_match_or_outside_the_tables_remit_does_not_escalate() {
        assertThat(policy.check(urgent, true, true, true, after(30))).as("in an open proposal").isEmpty();
        assertThat(policy.check(regular, false, false, false, after(60))).as("no consent, transferred, ...").isEmpty();
    }
}
