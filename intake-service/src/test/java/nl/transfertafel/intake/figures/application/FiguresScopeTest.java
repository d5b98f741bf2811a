package nl.transfertafel.intake.figures.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import nl.transfertafel.intake.figures.domain.Figures;
import nl.transfertafel.platform.refusal.Refused;
import nl.transfertafel.platform.security.Actor;
import nl.transfertafel.platform.security.Role;
import org.junit.jupiter.api.Test;

class FiguresScopeTest {

    @Test
    void coordinators_and_insurers_see_their_own_region() {
        assertThat(FiguresService.scope(actor(Role.COORDINATOR, "22000001", "rotterdam"), null))
                .isEqualTo(new Figures.Scope.Region("rotterdam"));
        assertThat(FiguresService.scope(actor(Role.INSURER, "3311", "rotterdam"), "rotterdam"))
                .isEqualTo(new Figures.Scope.Region("rotterdam"));
        assertThatThrownBy(() -> FiguresService.scope(actor(Role.INSURER, "3311", "rotterdam"), "utrecht"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.rule()).isEqualTo("own-region-only"));
    }

    @Test
    void a_provider_sees_its_own_figures_only() {
        assertThat(FiguresService.scope(actor(Role.PROVIDER, "22000001", "rotterdam"), null))
                .isEqualTo(new Figures.Scope.Provider("22000001"));
        assertThatThrownBy(() -> FiguresService.scope(actor(Role.PROVIDER, "22000001", "rotterdam"), "rotterdam"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.rule()).isEqualTo("own-figures-only"));
    }

    @Test
    void an_admin_sees_any_known_region() {
        assertThat(FiguresService.scope(actor(Role.ADMIN, "TRANSFERTAFEL", "rotterdam"), "zeeland"))
                .isEqualTo(new Figures.Scope.Region("zeeland"));
        assertThatThrownBy(() -> FiguresService.scope(actor(Role.ADMIN, "TRANSFERTAFEL", "rotterdam"), "atlantis"))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule()).containsExactly("region:KnownRegion"));
    }

    private static Actor actor(Role role, String organisation, String region) {
        return new Actor("someone", Set.of(role), organisation, region);
    }
}
