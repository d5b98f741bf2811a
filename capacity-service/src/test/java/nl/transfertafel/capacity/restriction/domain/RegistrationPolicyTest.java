package nl.transfertafel.capacity.restriction.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.restriction.domain.RegistrationPolicy.Status;
import nl.transfertafel.contracts.events.capacity.RegistrationRestrictionChanged.Kind;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import org.junit.jupiter.api.Test;

class RegistrationPolicyTest {

    private static RegistrationRestriction restriction(Kind kind, DiagnosisGroup group, LocalDate from, LocalDate until,
            boolean active) {
        return new RegistrationRestriction(UUID.randomUUID(), "22000001", "rotterdam", kind, group, "norm exceeded",
                from, until, active, 0);
    }

    @Test
    void without_restrictions_registration_is_open() {
        assertThat(RegistrationPolicy.forReferral(List.of(), DiagnosisGroup.ANXIETY, TODAY).status()).isEqualTo(Status.OPEN);
    }

    @Test
    void a_stop_outranks_a_pause_for_the_same_group() {
        var pause = restriction(Kind.PAUSE, DiagnosisGroup.ANXIETY, TODAY, TODAY.plusDays(30), true);
        var stop = restriction(Kind.STOP, DiagnosisGroup.ANXIETY, TODAY, null, true);

        var verdict = RegistrationPolicy.forReferral(List.of(pause, stop), DiagnosisGroup.ANXIETY, TODAY);

        assertThat(verdict.status()).isEqualTo(Status.STOPPED);
        assertThat(verdict.because()).contains(stop);
    }

    @Test
    void a_pause_sends_referrals_of_its_group_only_to_providers_with_capacity() {
        var pause = restriction(Kind.PAUSE, DiagnosisGroup.DEPRESSION, TODAY, TODAY.plusDays(30), true);

        assertThat(RegistrationPolicy.forReferral(List.of(pause), DiagnosisGroup.DEPRESSION, TODAY).status())
                .isEqualTo(Status.PAUSED);
        assertThat(RegistrationPolicy.forReferral(List.of(pause), DiagnosisGroup.ANXIETY, TODAY).status())
                .isEqualTo(Status.OPEN);
    }

    @Test
    void a_restriction_without_group_concerns_every_group() {
        var stop = restriction(Kind.STOP, null, TODAY, null, true);

        assertThat(RegistrationPolicy.forReferral(List.of(stop), DiagnosisGroup.EATING, TODAY).status())
                .isEqualTo(Status.STOPPED);
    }

    @Test
    void a_restriction_counts_only_within_its_period_and_while_active() {
        var pause = restriction(Kind.PAUSE, DiagnosisGroup.ADHD, TODAY.plusDays(2), TODAY.plusDays(9), true);
        var lifted = restriction(Kind.STOP, DiagnosisGroup.ADHD, TODAY, null, false);

        assertThat(RegistrationPolicy.forReferral(List.of(pause, lifted), DiagnosisGroup.ADHD, TODAY).status())
                .isEqualTo(Status.OPEN);
        assertThat(RegistrationPolicy.forReferral(List.of(pause, lifted), DiagnosisGroup.ADHD, TODAY.plusDays(9)).status())
                .isEqualTo(Status.PAUSED);
        assertThat(RegistrationPolicy.forReferral(List.of(pause, lifted), DiagnosisGroup.ADHD, TODAY.plusDays(10)).status())
                .isEqualTo(Status.OPEN);
    }

    @Test
    void the_restriction_for_the_group_itself_is_named_before_one_for_all_groups() {
        var all = restriction(Kind.PAUSE, null, TODAY, TODAY.plusDays(5), true);
        var own = restriction(Kind.PAUSE, DiagnosisGroup.TRAUMA, TODAY, TODAY.plusDays(5), true);

        assertThat(RegistrationPolicy.forReferral(List.of(all, own), DiagnosisGroup.TRAUMA, TODAY).because()).contains(own);
    }
}
