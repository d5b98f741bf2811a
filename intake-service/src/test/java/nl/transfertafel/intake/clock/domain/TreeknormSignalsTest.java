package nl.transfertafel.intake.clock.domain;

import static nl.transfertafel.intake.testsupport.Entries.anEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Level;
import nl.transfertafel.contracts.events.intake.TreeknormSignalled.Norm;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.intake.waitinglist.domain.WaitingEntry;
import org.junit.jupiter.api.Test;

class TreeknormSignalsTest {

    private static final LocalDate REGISTERED = LocalDate.of(2026, 9, 1);
    private static final LocalDate INTAKE_DEADLINE = REGISTERED.plusWeeks(4);
    private final TreeknormSignals signals = new TreeknormSignals(7);

    @Test
    void nothing_is_due_before_the_at_risk_window() {
        assertThat(signals.due(anEntry().registeredOn(REGISTERED).build(), INTAKE_DEADLINE.minusDays(8))).isEmpty();
    }

    @Test
    void the_intake_norm_is_at_risk_from_a_week_before_up_to_the_deadline_itself() {
        WaitingEntry entry = anEntry().registeredOn(REGISTERED).build();

        assertThat(signals.due(entry, INTAKE_DEADLINE.minusDays(7)))
                .containsExactly(new TreeknormSignals.Due(Norm.INTAKE, Level.AT_RISK, INTAKE_DEADLINE));
        assertThat(signals.due(entry, INTAKE_DEADLINE))
                .containsExactly(new TreeknormSignals.Due(Norm.INTAKE, Level.AT_RISK, INTAKE_DEADLINE));
    }

    @Test
    void the_day_after_the_deadline_the_norm_is_breached() {
        assertThat(signals.due(anEntry().registeredOn(REGISTERED).build(), INTAKE_DEADLINE.plusDays(1)))
                .containsExactly(new TreeknormSignals.Due(Norm.INTAKE, Level.BREACHED, INTAKE_DEADLINE));
    }

    @Test
    void a_client_waiting_fourteen_weeks_without_intake_breaches_both_norms() {
        LocalDate treatmentDeadline = REGISTERED.plusWeeks(14);

        assertThat(signals.due(anEntry().registeredOn(REGISTERED).build(), treatmentDeadline.plusDays(1)))
                .containsExactly(new TreeknormSignals.Due(Norm.INTAKE, Level.BREACHED, INTAKE_DEADLINE),
                        new TreeknormSignals.Due(Norm.TREATMENT, Level.BREACHED, treatmentDeadline));
    }

    @Test
    void after_the_intake_only_the_treatment_norm_runs_from_the_intake_date() {
        LocalDate intake = REGISTERED.plusWeeks(6);
        WaitingEntry entry = anEntry().registeredOn(REGISTERED).intakeOn(intake).build();

        assertThat(signals.due(entry, intake.plusWeeks(10).minusDays(3)))
                .containsExactly(new TreeknormSignals.Due(Norm.TREATMENT, Level.AT_RISK, intake.plusWeeks(10)));
    }

    @Test
    void clients_in_treatment_or_withdrawn_get_no_signals() {
        LocalDate late = REGISTERED.plusYears(1);
        assertThat(signals.due(anEntry().registeredOn(REGISTERED).stage(Stage.IN_TREATMENT).build(), late)).isEmpty();
        assertThat(signals.due(anEntry().registeredOn(REGISTERED).stage(Stage.WITHDRAWN).build(), late)).isEmpty();
    }

    @Test
    void the_candidates_query_never_misses_a_due_entry() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        LocalDate cutoff = signals.registeredOnOrBefore(today);

        assertThat(signals.due(anEntry().registeredOn(cutoff).build(), today)).isNotEmpty();
        assertThat(signals.due(anEntry().registeredOn(cutoff.plusDays(1)).build(), today)).isEmpty();
    }

    @Test
    void the_signal_is_a_valid_pseudonymous_event() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        WaitingEntry entry = anEntry().registeredOn(REGISTERED).build();
        var event = TreeknormSignals.signal(entry, new TreeknormSignals.Due(Norm.INTAKE, Level.BREACHED, INTAKE_DEADLINE),
                clock);

        TreeknormSignalled payload = (TreeknormSignalled) event.payload();
        assertThat(payload.clientPseudonym()).isEqualTo(entry.clientPseudonym());
        assertThat(payload.providerAgb()).isEqualTo(entry.providerAgb());
        assertThat(EventSchemas.violations(EventJson.envelop(event, event.eventId()))).isEmpty();
    }
}
