package nl.transfertafel.intake.validation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.validation.domain.RoundScope;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import org.junit.jupiter.api.Test;

class RoundScopeRulesTest {

    private final Instant deadline = Instant.parse("2026-12-20T10:00:00Z");
    private final Actor coordinator = new Actor("c", Set.of(Role.COORDINATOR), "22000001", "rotterdam");
    private final Actor provider = new Actor("p", Set.of(Role.PROVIDER), "22000002", "rotterdam");

    @Test
    void a_coordinator_starts_rounds_in_its_own_region_narrowed_as_it_likes() {
        RoundScope scope = ValidationRounds.scopeFor(coordinator,
                new ValidationRounds.Start(null, "22000009", DiagnosisGroup.ANXIETY, deadline));
        assertThat(scope).isEqualTo(new RoundScope("rotterdam", "22000009", DiagnosisGroup.ANXIETY));
    }

    @Test
    void a_coordinator_cannot_start_one_in_another_region() {
        assertThatThrownBy(() -> ValidationRounds.scopeFor(coordinator,
                new ValidationRounds.Start("utrecht", null, null, deadline)))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.rule()).isEqualTo("own-region-only"));
    }

    @Test
    void a_provider_starts_rounds_on_its_own_list_only() {
        assertThat(ValidationRounds.scopeFor(provider, new ValidationRounds.Start(null, null, null, deadline)))
                .isEqualTo(new RoundScope("rotterdam", "22000002", null));
        assertThatThrownBy(() -> ValidationRounds.scopeFor(provider,
                new ValidationRounds.Start(null, "22000009", null, deadline)))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.rule()).isEqualTo("own-list-only"));
    }

    @Test
    void another_role_starts_no_round() {
        Actor gp = new Actor("g", Set.of(Role.GP), "01000001", "rotterdam");
        assertThatThrownBy(() -> ValidationRounds.scopeFor(gp, new ValidationRounds.Start(null, null, null, deadline)))
                .isInstanceOf(Refused.class);
    }
}
