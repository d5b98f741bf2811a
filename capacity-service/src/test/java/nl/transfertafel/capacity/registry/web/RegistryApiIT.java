package nl.transfertafel.capacity.registry.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.ProviderProfileChanged;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class RegistryApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    CapacityApi api;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
    }

    @Test
    void an_admin_registers_a_provider_and_its_profile_reaches_kafka_valid_and_complete() {
        String agb = freshAgb();
        JsonNode registered = api.register(agb, aProvider().named("GGZ Rijnmond").typical()
                .withLocation("3511 AB", "utrecht").build());

        assertThat(registered.get("version").asLong()).isEqualTo(1);
        assertThat(registered.get("locations")).hasSize(2);
        String locationId = registered.get("locations").get(0).get("locationId").asText();
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.CAPACITY_EVENTS)) {
            var found = reader.await(m -> m.value().contains("ProviderProfileChanged") && m.value().contains(agb),
                    Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).key()).isEqualTo("rotterdam");
            var envelope = EventJson.read(found.get(0).value());
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            ProviderProfileChanged event = envelope.payloadAs(ProviderProfileChanged.class);
            assertThat(event.locations()).extracting(ProviderProfileChanged.Location::region)
                    .containsExactly("rotterdam", "utrecht");
            assertThat(event.locations().get(0).locationId()).isEqualTo(locationId);
            assertThat(event.offerings().get(0).exclusions()).containsExactly("CRISIS_PRONE");
            assertThat(found.get(0).value()).as("events carry postcode areas, never full postcodes")
                    .doesNotContain("3012KK", "3012 KK");
        }
    }

    @Test
    void a_provider_edits_its_own_record_but_not_another_ones() {
        String own = freshAgb();
        String other = freshAgb();
        api.register(own, aProvider().typical().build());
        api.register(other, aProvider().typical().build());

        JsonNode saved = json(api.put(provider(own), "/api/v1/providers/" + own,
                aProvider().named("Nieuwe naam").typical().build()).expectStatus().isOk());
        assertThat(saved.get("name").asText()).isEqualTo("Nieuwe naam");
        assertThat(saved.get("version").asLong()).isEqualTo(2);

        api.put(provider(own), "/api/v1/providers/" + other, aProvider().typical().build())
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("not-your-organisation");
    }

    @Test
    void a_representative_maintains_the_practices_it_represents() {
        String representative = freshAgb();
        String practice = freshAgb();
        api.register(practice, aProvider().ofType("INDEPENDENT_PRACTICE").representedBy(representative).typical().build());

        api.put(provider(representative), "/api/v1/providers/" + practice, aProvider().ofType("INDEPENDENT_PRACTICE")
                        .named("Praktijk via vertegenwoordiger").representedBy(representative).typical().build())
                .expectStatus().isOk();
        api.put(provider(representative), "/api/v1/providers/" + practice,
                        aProvider().ofType("INDEPENDENT_PRACTICE").typical().build())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("representative-change");
        assertThat(json(api.get(admin(), "/api/v1/providers?representativeAgb=" + representative).expectStatus().isOk()))
                .extracting(node -> node.get("agb").asText()).containsExactly(practice);
    }

    @Test
    void an_unknown_provider_is_not_found_and_only_an_admin_registers() {
        String unknown = freshAgb();

        api.get(admin(), "/api/v1/providers/" + unknown).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.put(provider(unknown), "/api/v1/providers/" + unknown, aProvider().typical().build())
                .expectStatus().isNotFound();
    }

    @Test
    void a_null_location_or_offering_in_the_lists_is_a_400_naming_the_element_not_a_crash() {
        String agb = freshAgb();
        String json = """
                {"name":"Praktijk","type":"GGZ_INSTITUTION","region":"rotterdam","%s":[null]}""";

        for (String list : List.of("locations", "offerings")) {
            api.putJson(admin(), "/api/v1/providers/" + agb, json.formatted(list)).expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(list + "[0]")
                    .jsonPath("$.errors[0].rule").isEqualTo("not-null");
        }
        api.get(admin(), "/api/v1/providers/" + agb).expectStatus().isNotFound();
    }

    @Test
    void bad_input_names_each_field_and_rule_and_stores_nothing() {
        String agb = freshAgb();
        Map<String, Object> body = aProvider().inRegion("atlantis")
                .withLocation("0123 AB", "rotterdam")
                .withOffering(List.of(), "SPECIALIST", 18, 150, List.of()).build();
        body.remove("name");

        api.put(admin(), "/api/v1/providers/" + agb, body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'name')].rule").isEqualTo(List.of("NotBlank"))
                .jsonPath("$.errors[?(@.field == 'locations[0].postcode')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'offerings[0].diagnosisGroups')].rule").isEqualTo(List.of("NotEmpty"))
                .jsonPath("$.errors[?(@.field == 'offerings[0].maxAge')].rule").isEqualTo(List.of("Max"));

        api.put(admin(), "/api/v1/providers/" + agb, aProvider().inRegion("atlantis").typical().build())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region")
                .jsonPath("$.errors[0].rule").isEqualTo("known-region");
        api.put(admin(), "/api/v1/providers/" + agb, aProvider()
                        .withOffering(List.of("ANXIETY"), "BASIC", 40, 20, List.of()).build())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("offerings[0].minAge")
                .jsonPath("$.errors[0].rule").isEqualTo("age-range");
        api.put(admin(), "/api/v1/providers/" + agb, aProvider()
                        .withOffering(List.of("ANXIETY"), "BASIC", 18, 65, List.of("LEFT_HANDED")).build())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("offerings[0].exclusions[0]");
        api.put(admin(), "/api/v1/providers/1234", aProvider().typical().build())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("providerAgb");

        api.get(admin(), "/api/v1/providers/" + agb).expectStatus().isNotFound();
    }

    @Test
    void a_change_on_an_old_version_is_a_conflict() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        api.put(admin(), "/api/v1/providers/" + agb, aProvider().named("Eerste").typical().atVersion(1).build())
                .expectStatus().isOk();

        api.put(admin(), "/api/v1/providers/" + agb, aProvider().named("Tweede").typical().atVersion(1).build())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("version-conflict");
    }

    @Test
    void other_roles_read_the_registry_but_do_not_change_it() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());

        api.get(CapacityApi.coordinator(), "/api/v1/providers/" + agb).expectStatus().isOk();
        api.put(CapacityApi.coordinator(), "/api/v1/providers/" + agb, aProvider().typical().build())
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/providers/" + agb).exchange().expectStatus().isUnauthorized();
        // another service's token is accepted only where an endpoint names SERVICE
        api.get(CapacityApi.transferTable(), "/api/v1/providers/" + agb).expectStatus().isForbidden();
    }
}
