package nl.transfertafel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import nl.transfertafel.contracts.vocabulary.ProviderType;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void same_seed_gives_the_same_world() {
        DemoData first = DemoDataGenerator.generate(42, DemoDataGenerator.Size.demo(), TODAY);
        DemoData second = DemoDataGenerator.generate(42, DemoDataGenerator.Size.demo(), TODAY);
        DemoData other = DemoDataGenerator.generate(43, DemoDataGenerator.Size.demo(), TODAY);

        assertThat(second).isEqualTo(first);
        assertThat(other.clients()).isNotEqualTo(first.clients());
    }

    @Test
    void demo_world_has_every_kind_of_provider_and_the_fixed_demo_organisations() {
        DemoData data = DemoDataGenerator.generate(42, DemoDataGenerator.Size.demo(), TODAY);

        assertThat(data.regions()).containsExactly("rotterdam", "apeldoorn-zutphen", "utrecht");
        assertThat(data.providers()).extracting(DemoData.Provider::type).contains(ProviderType.values());
        assertThat(data.providers()).extracting(DemoData.Provider::agb)
                .contains(DemoOrganisations.PROVIDER_AGB, DemoOrganisations.OTHER_PROVIDER_AGB);
        assertThat(data.gpPractices()).extracting(DemoData.GpPractice::agb).contains(DemoOrganisations.GP_PRACTICE_AGB);
        assertThat(data.clients()).hasSize(3 * 40);
        assertThat(data.capacity()).isNotEmpty();
        assertThat(data.contracts()).anyMatch(contract -> !contract.contracted());
    }

    @Test
    void the_organisations_of_the_demo_users_for_tenancy_and_four_eyes_exist_where_the_users_say() {
        DemoData data = DemoDataGenerator.generate(42, DemoDataGenerator.Size.demo(), TODAY);

        assertThat(data.gpPractices()).filteredOn(gp -> gp.agb().equals(DemoOrganisations.SECOND_GP_PRACTICE_AGB))
                .singleElement().extracting(DemoData.GpPractice::region).isEqualTo(DemoOrganisations.REGION);
        assertThat(data.providers()).filteredOn(provider -> provider.agb().equals(DemoOrganisations.THIRD_PROVIDER_AGB))
                .singleElement().extracting(DemoData.Provider::region).isEqualTo(DemoOrganisations.REGION);
        assertThat(data.providers()).filteredOn(provider -> provider.agb().equals(DemoOrganisations.OTHER_REGION_PROVIDER_AGB))
                .singleElement().extracting(DemoData.Provider::region).isEqualTo(DemoOrganisations.OTHER_REGION);
        assertThat(data.regions()).contains(DemoOrganisations.OTHER_REGION);
    }

    @Test
    void generated_identifiers_have_the_dutch_formats() {
        DemoData data = DemoDataGenerator.generate(7, DemoDataGenerator.Size.demo(), TODAY);

        assertThat(data.clients()).allSatisfy(client -> {
            assertThat(client.bsn()).matches("\\d{9}");
            assertThat(elevenTest(client.bsn())).as(client.bsn()).isTrue();
            assertThat(client.postcode()).matches("[1-9]\\d{3} [A-Z]{2}");
            assertThat(client.dateOfBirth()).isBefore(TODAY);
        });
        assertThat(data.providers()).allSatisfy(provider -> assertThat(provider.agb()).matches("\\d{8}"));
        assertThat(data.gpPractices()).allSatisfy(gp -> assertThat(gp.agb()).matches("\\d{8}"));
    }

    @Test
    void clients_have_made_up_names_and_contact_details_that_cannot_reach_anyone() {
        DemoData data = DemoDataGenerator.generate(42, DemoDataGenerator.Size.demo(), TODAY);

        assertThat(data.clients()).allSatisfy(client -> {
            assertThat(client.name()).matches("\\S+ .+");
            assertThat(client.language()).isIn("nl", "en");
            if (client.email() != null) {
                assertThat(client.email()).matches("[a-z.]+\\d+@example\\.org");
            }
            if (client.phone() != null) {
                assertThat(client.phone()).matches("\\+31 6 \\d{8}");
            }
        });
        assertThat(data.clients().stream().map(DemoData.Client::email).filter(java.util.Objects::nonNull).toList())
                .doesNotHaveDuplicates();
        assertThat(data.clients()).anyMatch(client -> client.email() == null).anyMatch(client -> client.phone() == null);
        assertThat(data.clients()).extracting(DemoData.Client::language).contains("nl", "en");
        assertThat(data.clients()).extracting(DemoData.Client::name).hasSizeGreaterThan(1).doesNotContainNull();
    }

    @Test
    void country_size_scales_to_thirty_regions_and_a_hundred_thousand_clients() {
        DemoData data = DemoDataGenerator.generate(1, DemoDataGenerator.Size.country(), TODAY);

        assertThat(data.regions()).hasSize(30).doesNotHaveDuplicates();
        assertThat(data.clients()).hasSizeGreaterThanOrEqualTo(100_000);
    }

    @Test
    void every_generated_bsn_passes_the_eleven_test() {
        Random random = new Random(1);
        IntStream.range(0, 1000).mapToObj(i -> DemoDataGenerator.bsn(random))
                .forEach(bsn -> assertThat(elevenTest(bsn)).as(bsn).isTrue());
    }

    private static boolean elevenTest(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        return (sum - (bsn.charAt(8) - '0')) % 11 == 0;
    }
}
