package nl.transfertafel.intake.restriction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Placement;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.junit.jupiter.api.Test;

/**
 * How a stop or pause places the entry. Which restriction decides (a stop outranks a pause; periods,
 * lifted restrictions, groups) is tested once, in contracts' {@code StopOrPauseTest}.
 */
class PlacementPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String PROVIDER = "22000001";

    @Test
    void without_restrictions_the_entry_is_placed_at_the_preferred_provider() {
        var decision = PlacementPolicy.decide(PROVIDER, DiagnosisGroup.ANXIETY, List.of(), TODAY);

        assertThat(decision.placement()).isEqualTo(Placement.PLACED);
        assertThat(decision.providerAgb()).isEqualTo(PROVIDER);
    }

    @Test
    void no_preferred_provider_means_unplaced_for_the_transfer_table() {
        var decision = PlacementPolicy.decide(null, DiagnosisGroup.ANXIETY, List.of(), TODAY);

        assertThat(decision.placement()).isEqualTo(Placement.UNPLACED_NO_PROVIDER);
        assertThat(decision.providerAgb()).isNull();
    }

    @Test
    void a_stop_for_the_clients_group_leaves_the_entry_unplaced_never_dropped() {
        var decision = PlacementPolicy.decide(PROVIDER, DiagnosisGroup.ANXIETY,
                List.of(restriction(Kind.STOP, DiagnosisGroup.ANXIETY, TODAY.minusDays(3), null)), TODAY);

        assertThat(decision.placement()).isEqualTo(Placement.UNPLACED_REGISTRATION_STOP);
        assertThat(decision.providerAgb()).isNull();
    }

    @Test
    void a_pause_for_all_groups_applies_to_every_group() {
        var decision = PlacementPolicy.decide(PROVIDER, DiagnosisGroup.EATING,
                List.of(restriction(Kind.PAUSE, null, TODAY, TODAY)), TODAY);

        assertThat(decision.placement()).isEqualTo(Placement.UNPLACED_REGISTRATION_PAUSE);
    }

    @Test
    void a_stop_or_pause_of_another_provider_does_not_apply() {
        List<RegistrationRestriction> others = List.of(
                new RegistrationRestriction("r-other", "22000002", Kind.STOP, null, true, TODAY.minusDays(1), null),
                new RegistrationRestriction("r-other-pause", "22000002", Kind.PAUSE, null, true, TODAY.minusDays(1), TODAY));

        var decision = PlacementPolicy.decide(PROVIDER, DiagnosisGroup.ANXIETY, others, TODAY);

        assertThat(decision.placement()).isEqualTo(Placement.PLACED);
        assertThat(decision.providerAgb()).isEqualTo(PROVIDER);
    }

    private static RegistrationRestriction restriction(Kind kind, DiagnosisGroup group, LocalDate from, LocalDate until) {
        return new RegistrationRestriction("r-" + kind + group + from, PROVIDER, kind, group, true, from, until);
    }
}
