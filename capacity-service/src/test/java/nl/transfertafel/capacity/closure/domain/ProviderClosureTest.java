package nl.transfertafel.capacity.closure.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Acting;
import nl.transfertafel.capacity.common.domain.Outcome;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.junit.jupiter.api.Test;

class ProviderClosureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final UUID ROTTERDAM = UUID.randomUUID();
    private static final UUID DORDRECHT = UUID.randomUUID();
    private static final Provider PROVIDER = new Provider("22000001", "GGZ Test", ProviderType.GGZ_INSTITUTION,
            "rotterdam", null, true,
            List.of(new Provider.Location(ROTTERDAM, "3012KK", null, "rotterdam"),
                    new Provider.Location(DORDRECHT, "3311AB", null, "zuid-holland-zuid")),
            List.of(new Provider.Offering(UUID.randomUUID(), List.of(DiagnosisGroup.EATING), CareLevel.SPECIALIST, 12, 65,
                    List.of())), 1);

    private static Outcome<ProviderClosure> announce(Acting acting, Optional<String> coordinatorRegion, UUID location,
            List<DiagnosisGroup> groups) {
        return announce(acting, coordinatorRegion.orElse("rotterdam"), coordinatorRegion.isPresent(), location, groups,
                List.of());
    }

    private static Outcome<ProviderClosure> announce(Acting acting, String region, boolean coordinator, UUID location,
            List<DiagnosisGroup> groups, List<ProviderClosure> existing) {
        return ProviderClosure.announce(new AnnounceClosure(location, groups, TODAY.plusDays(30), "desk"), PROVIDER,
                acting, region, coordinator, existing, CLOCK);
    }

    @Test
    void one_of_several_locations_closing_ends_only_its_lines_and_stops_no_registrations() {
        ProviderClosure closure = announce(new Acting("22000001", false), Optional.empty(), DORDRECHT, List.of())
                .orRaise(r -> new IllegalStateException(r.detail())).state();

        assertThat(closure.covers(DORDRECHT, List.of(DiagnosisGroup.ANXIETY))).isTrue();
        assertThat(closure.covers(ROTTERDAM, List.of(DiagnosisGroup.ANXIETY))).isFalse();
        assertThat(closure.stopsRegistrations(PROVIDER)).isFalse();
    }

    @Test
    void a_programme_stop_covers_lines_offering_any_of_its_groups_and_stops_each_group() {
        ProviderClosure closure = announce(new Acting("22000001", false), Optional.empty(), null,
                List.of(DiagnosisGroup.EATING)).orRaise(r -> new IllegalStateException(r.detail())).state();

        assertThat(closure.covers(ROTTERDAM, List.of(DiagnosisGroup.EATING, DiagnosisGroup.ANXIETY))).isTrue();
        assertThat(closure.covers(ROTTERDAM, List.of(DiagnosisGroup.ANXIETY))).isFalse();
        assertThat(closure.stopsRegistrations(PROVIDER)).isTrue();
        assertThat(closure.stopGroups()).containsExactly(DiagnosisGroup.EATING);
    }

    @Test
    void a_coordinator_of_a_region_the_provider_works_in_may_announce_one_of_another_region_may_not() {
        assertThat(announce(new Acting("33000001", false), Optional.of("zuid-holland-zuid"), null, List.of()))
                .isInstanceOf(Outcome.Done.class);
        assertThat(announce(new Acting("33000001", false), Optional.of("apeldoorn-zutphen"), null, List.of()))
                .isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.refusal().rule()).isEqualTo("not-your-region"));
    }

    @Test
    void the_providers_own_desk_with_a_token_of_a_region_it_does_not_work_in_is_refused() {
        assertThat(announce(new Acting("22000001", false), "apeldoorn-zutphen", false, null, List.of(), List.of()))
                .isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.refusal().rule()).isEqualTo("not-your-region"));
        assertThat(announce(new Acting("ADMIN-ORG", true), "apeldoorn-zutphen", false, null, List.of(), List.of()))
                .isInstanceOf(Outcome.Done.class);
    }

    @Test
    void a_second_closure_of_the_same_place_and_programme_is_a_conflict_another_programme_is_not() {
        ProviderClosure eating = announce(new Acting("22000001", false), "rotterdam", false, null,
                List.of(DiagnosisGroup.EATING), List.of()).orRaise(r -> new IllegalStateException(r.detail())).state();

        assertThat(announce(new Acting("22000001", false), "rotterdam", false, DORDRECHT, List.of(), List.of(eating)))
                .isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.refusal().rule()).isEqualTo("closure-exists"));
        assertThat(announce(new Acting("22000001", false), "rotterdam", false, null, List.of(DiagnosisGroup.ADHD),
                List.of(eating))).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void a_location_of_another_provider_is_refused_naming_the_field() {
        assertThat(announce(new Acting("22000001", false), Optional.empty(), UUID.randomUUID(), List.of()))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
                    assertThat(r.refusal().field()).isEqualTo("locationId");
                    assertThat(r.refusal().rule()).isEqualTo("known-location");
                });
    }
}
