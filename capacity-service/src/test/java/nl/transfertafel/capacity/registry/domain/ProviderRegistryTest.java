package nl.transfertafel.capacity.registry.domain;

import static nl.transfertafel.capacity.fixtures.Fixtures.ADMIN;
import static nl.transfertafel.capacity.fixtures.Fixtures.AGB;
import static nl.transfertafel.capacity.fixtures.Fixtures.CLOCK;
import static nl.transfertafel.capacity.fixtures.Fixtures.OTHER_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.PRACTICE;
import static nl.transfertafel.capacity.fixtures.Fixtures.REPRESENTATIVE;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_PROVIDER;
import static nl.transfertafel.capacity.fixtures.Fixtures.THE_REPRESENTATIVE;
import static nl.transfertafel.capacity.fixtures.Fixtures.aProvider;
import static nl.transfertafel.capacity.fixtures.Fixtures.aRepresentedPractice;
import static nl.transfertafel.capacity.fixtures.Fixtures.assertValid;
import static nl.transfertafel.capacity.fixtures.Fixtures.done;
import static nl.transfertafel.capacity.fixtures.Fixtures.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.common.domain.Refusal;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private static ProviderDetails details(String representative, List<ProviderDetails.LocationDetails> locations,
            List<ProviderDetails.OfferingDetails> offerings, Long version) {
        return new ProviderDetails("GGZ Maasstad", ProviderType.GGZ_INSTITUTION, "rotterdam", representative, true,
                locations, offerings, version);
    }

    private static ProviderDetails.LocationDetails location(UUID id, String region) {
        return new ProviderDetails.LocationDetails(id, "3012 kk", "Rotterdam", region);
    }

    private static ProviderDetails.OfferingDetails offering(UUID id, int minAge, int maxAge) {
        return new ProviderDetails.OfferingDetails(id, List.of(DiagnosisGroup.DEPRESSION, DiagnosisGroup.DEPRESSION),
                CareLevel.SPECIALIST, minAge, maxAge, List.of(ExclusionCriterion.ADDICTION_COMORBIDITY));
    }

    @Test
    void an_admin_registers_a_provider_and_the_profile_event_carries_locations_and_offerings() {
        var done = done(Provider.register("22001234", details(null, List.of(location(null, "rotterdam")),
                List.of(offering(null, 18, 65)), null), ADMIN, CLOCK));

        Provider provider = done.state();
        assertThat(provider.version()).isEqualTo(1);
        assertThat(provider.locations()).singleElement().satisfies(l -> {
            assertThat(l.id()).isNotNull();
            assertThat(l.postcode()).isEqualTo("3012KK");
            assertThat(l.postcodeArea()).isEqualTo("3012");
        });
        assertThat(provider.offerings().get(0).diagnosisGroups()).containsExactly(DiagnosisGroup.DEPRESSION);
        assertThat(done.events()).singleElement().satisfies(event -> {
            assertThat(event.region()).isEqualTo("rotterdam");
            ProviderProfileChanged payload = (ProviderProfileChanged) event.payload();
            assertThat(payload.locations().get(0).postcodeArea()).isEqualTo("3012");
            assertThat(payload.offerings().get(0).exclusions()).containsExactly("ADDICTION_COMORBIDITY");
        });
        assertValid(done.events());
    }

    @Test
    void only_an_admin_registers_providers() {
        Refusal refusal = refusal(Provider.register(AGB, details(null, List.of(), List.of(), null), THE_PROVIDER, CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal.rule()).isEqualTo("registry-admin-only");
    }

    @Test
    void a_provider_maintains_its_own_record_keeping_the_ids_it_names() {
        Provider provider = aProvider();
        UUID location = provider.locations().get(0).id();

        var done = done(provider.change(details(null, List.of(location(location, "rotterdam"),
                location(null, "utrecht")), List.of(), null), THE_PROVIDER, CLOCK));

        assertThat(done.state().locations()).extracting(Provider.Location::id).first().isEqualTo(location);
        assertThat(done.state().offerings()).isEmpty();
        assertThat(done.state().regions()).containsExactly("rotterdam", "utrecht");
        assertThat(done.state().version()).isEqualTo(provider.version() + 1);
        assertValid(done.events());
    }

    @Test
    void a_representative_maintains_the_practices_it_represents_but_not_others() {
        Provider practice = aRepresentedPractice();
        var changed = new ProviderDetails("Praktijk Kralingen", ProviderType.INDEPENDENT_PRACTICE, "rotterdam",
                REPRESENTATIVE, true, List.of(), List.of(), null);

        assertThat(done(practice.change(changed, THE_REPRESENTATIVE, CLOCK)).state().name())
                .isEqualTo("Praktijk Kralingen");
        assertThat(refusal(aProvider().change(changed, THE_REPRESENTATIVE, CLOCK)).rule())
                .isEqualTo("not-your-organisation");
    }

    @Test
    void a_representative_cannot_name_or_change_the_representative() {
        Provider practice = aRepresentedPractice();
        var handover = new ProviderDetails(practice.name(), practice.type(), "rotterdam", "33000002", true,
                List.of(), List.of(), null);

        assertThat(refusal(practice.change(handover, THE_REPRESENTATIVE, CLOCK)).rule()).isEqualTo("representative-change");
        assertThat(done(practice.change(handover, new nl.transfertafel.capacity.common.domain.Acting(PRACTICE, false),
                CLOCK)).state().representativeAgb()).isEqualTo("33000002");
    }

    @Test
    void another_provider_cannot_edit_the_record() {
        Refusal refusal = refusal(aProvider().change(details(null, List.of(), List.of(), null), OTHER_PROVIDER, CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
        assertThat(refusal.rule()).isEqualTo("not-your-organisation");
    }

    @Test
    void an_upside_down_age_range_names_the_offering_field() {
        Refusal refusal = refusal(Provider.register("22001234", details(null, List.of(),
                List.of(offering(null, 65, 18)), null), ADMIN, CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refusal.field()).isEqualTo("offerings[0].minAge");
        assertThat(refusal.rule()).isEqualTo("age-range");
    }

    @Test
    void an_unknown_location_region_names_the_field() {
        Refusal refusal = refusal(Provider.register("22001234", details(null, List.of(location(null, "atlantis")),
                List.of(), null), ADMIN, CLOCK));

        assertThat(refusal.field()).isEqualTo("locations[0].region");
        assertThat(refusal.rule()).isEqualTo("known-region");
    }

    @Test
    void an_id_that_is_not_one_of_the_providers_own_is_refused() {
        Refusal refusal = refusal(aProvider().change(details(null, List.of(location(UUID.randomUUID(), "rotterdam")),
                List.of(), null), ADMIN, CLOCK));

        assertThat(refusal.field()).isEqualTo("locations[0].locationId");
        assertThat(refusal.rule()).isEqualTo("known-location");
    }

    @Test
    void saving_the_same_record_again_changes_nothing_and_emits_nothing() {
        Provider provider = aProvider();
        var same = new ProviderDetails(provider.name(), provider.type(), provider.region(), null, true,
                List.of(new ProviderDetails.LocationDetails(provider.locations().get(0).id(), "3012KK", "Rotterdam",
                        "rotterdam")),
                List.of(new ProviderDetails.OfferingDetails(provider.offerings().get(0).id(),
                        provider.offerings().get(0).diagnosisGroups(), CareLevel.SPECIALIST, 18, 65,
                        List.of(ExclusionCriterion.CRISIS_PRONE))),
                null);

        var done = done(provider.change(same, ADMIN, CLOCK));

        assertThat(done.changed()).isFalse();
        assertThat(done.state().version()).isEqualTo(provider.version());
    }

    @Test
    void a_change_based_on_an_old_version_is_a_conflict() {
        Refusal refusal = refusal(aProvider().change(details(null, List.of(), List.of(), 1L), ADMIN, CLOCK));

        assertThat(refusal.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal.rule()).isEqualTo("version-conflict");
    }
}
