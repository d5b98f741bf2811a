package nl.transfertafel.capacity.announcement.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.CapacityApi.registeredAnnouncement;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.testkit.engines.SharedEngines;
import nl.transfertafel.testkit.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@CapacityIntegrationTest
class CapacityApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        CapacityWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    MovableClock clock;
    CapacityApi api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
        today = Today.of(clock);
    }

    @Test
    void a_provider_announces_for_a_registered_offering_and_the_event_carries_what_the_matcher_needs() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());

        JsonNode line = api.announce(provider, 3, today, today.plusDays(30));

        String lineId = line.get("capacityLineId").asText();
        assertThat(line.get("state").asText()).isEqualTo("OPEN");
        assertThat(line.get("placesLeft").asInt()).isEqualTo(3);
        try (TopicReader reader = new TopicReader(SharedEngines.kafkaBootstrap(), Topics.CAPACITY_EVENTS)) {
            var found = reader.await(m -> m.value().contains(lineId), Duration.ofSeconds(30));
            assertThat(found).hasSize(1);
            EventEnvelope envelope = EventJson.read(found.get(0).value());
            assertThat(EventSchemas.violations(envelope)).isEmpty();
            assertThat(envelope.region()).isEqualTo("rotterdam");
            CapacityAnnounced event = envelope.payloadAs(CapacityAnnounced.class);
            assertThat(event.providerAgb()).isEqualTo(agb);
            assertThat(event.offeringId()).isEqualTo(provider.get("offerings").get(0).get("offeringId").asText());
            assertThat(event.locationPostcodeArea()).isEqualTo("3012");
            assertThat(event.minAge()).isEqualTo(18);
            assertThat(event.maxAge()).isEqualTo(65);
            assertThat(event.exclusions()).containsExactly("CRISIS_PRONE");
            assertThat(event.availableUntil()).isEqualTo(today.plusDays(30));
        }
    }

    @Test
    void the_minimal_form_still_works_for_a_provider_announcing_for_itself() {
        String agb = freshAgb();

        JsonNode line = json(api.post(provider(agb), "/api/v1/capacity", Map.of("providerType", "GGZ_INSTITUTION",
                "locationPostcode", "3012 KK", "diagnosisGroups", List.of("DEPRESSION", "ANXIETY"),
                "careLevel", "SPECIALIST", "places", 2, "availableFrom", today.toString())).expectStatus().isCreated());

        assertThat(line.get("providerAgb").asText()).isEqualTo(agb);
        assertThat(line.get("region").asText()).isEqualTo("rotterdam");
        assertThat(Outboxes.eventsFor(db, line.get("capacityLineId").asText()))
                .singleElement().satisfies(e -> assertThat(EventSchemas.violations(e)).isEmpty());
    }

    @Test
    void announcing_for_another_organisation_is_forbidden_but_its_representative_may() {
        String representative = freshAgb();
        String practice = freshAgb();
        JsonNode registered = api.register(practice, aProvider().ofType("INDEPENDENT_PRACTICE")
                .representedBy(representative).typical().build());
        Map<String, Object> body = new java.util.LinkedHashMap<>(registeredAnnouncement(registered, 1, today, null));
        body.put("providerAgb", practice);

        api.post(provider(freshAgb()), "/api/v1/capacity", body).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("not-your-organisation");
        JsonNode line = json(api.post(provider(representative), "/api/v1/capacity", body).expectStatus().isCreated());
        assertThat(line.get("providerAgb").asText()).isEqualTo(practice);
        assertThat(line.get("providerType").asText()).isEqualTo("INDEPENDENT_PRACTICE");
    }

    @Test
    void the_registered_form_for_an_unknown_provider_is_not_found() {
        String unknown = freshAgb();
        api.post(admin(), "/api/v1/capacity", Map.of("providerAgb", unknown,
                        "locationId", "00000000-0000-0000-0000-000000000001",
                        "offeringId", "00000000-0000-0000-0000-000000000002", "places", 1,
                        "availableFrom", today.toString()))
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void bad_input_names_each_field_and_rule_and_stores_nothing() {
        long before = count();
        api.post(provider(freshAgb()), "/api/v1/capacity", Map.of("locationPostcode", "0123 AB", "places", 0,
                        "providerAgb", "12"))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'locationPostcode')].rule").isEqualTo(List.of("Pattern"))
                .jsonPath("$.errors[?(@.field == 'places')].rule").isEqualTo(List.of("Min"))
                .jsonPath("$.errors[?(@.field == 'availableFrom')].rule").isEqualTo(List.of("NotNull"))
                .jsonPath("$.errors[?(@.field == 'providerAgb')].rule").isEqualTo(List.of("Pattern"));

        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        api.post(provider(provider.get("agb").asText()), "/api/v1/capacity",
                        registeredAnnouncement(provider, 2, today, today.minusDays(1)))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("availableUntil")
                .jsonPath("$.errors[0].rule").isEqualTo("not-before-from");
        Map<String, Object> wider = new java.util.LinkedHashMap<>(registeredAnnouncement(provider, 2, today, null));
        wider.put("diagnosisGroups", List.of("EATING"));
        api.post(provider(provider.get("agb").asText()), "/api/v1/capacity", wider)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("diagnosisGroups")
                .jsonPath("$.errors[0].rule").isEqualTo("within-offering");
        api.post(provider(freshAgb()), "/api/v1/capacity", Map.of("places", 1, "availableFrom", today.toString()))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("providerType")
                .jsonPath("$.errors[0].rule").isEqualTo("NotNull");

        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_provider_corrects_withdraws_and_confirms_its_line_and_each_change_is_an_event() {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        String token = provider(provider.get("agb").asText());
        String lineId = api.announce(provider, 2, today, today.plusDays(20)).get("capacityLineId").asText();

        JsonNode corrected = json(api.post(token, "/api/v1/capacity/" + lineId + "/correct",
                Map.of("places", 4, "availableUntil", today.plusDays(40).toString(), "version", 0)).expectStatus().isOk());
        assertThat(corrected.get("places").asInt()).isEqualTo(4);
        assertThat(corrected.get("placesLeft").asInt()).isEqualTo(4);
        api.post(token, "/api/v1/capacity/" + lineId + "/correct", Map.of("places", 5, "version", 0))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("version-conflict");
        api.post(token, "/api/v1/capacity/" + lineId + "/confirm").expectStatus().isOk();
        api.post(token, "/api/v1/capacity/" + lineId + "/withdraw").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("WITHDRAWN");
        api.post(token, "/api/v1/capacity/" + lineId + "/withdraw").expectStatus().isOk();
        api.post(token, "/api/v1/capacity/" + lineId + "/confirm").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("line-closed");

        var events = Outboxes.eventsFor(db, lineId);
        assertThat(events).allSatisfy(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        assertThat(events.subList(1, events.size())).extracting(e -> e.payloadAs(CapacityLineChanged.class).change())
                .containsExactly(CapacityLineChanged.Change.CORRECTED, CapacityLineChanged.Change.CONFIRMED,
                        CapacityLineChanged.Change.WITHDRAWN);
        assertThat(events.get(3).payloadAs(CapacityLineChanged.class).version()).isEqualTo(3);
    }

    @Test
    void another_provider_cannot_touch_or_read_the_line() {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 2, today, null).get("capacityLineId").asText();
        String stranger = provider(freshAgb());

        api.post(stranger, "/api/v1/capacity/" + lineId + "/withdraw").expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("not-your-organisation");
        api.get(stranger, "/api/v1/capacity/" + lineId).expectStatus().isForbidden();
        api.get(CapacityApi.coordinator(), "/api/v1/capacity/" + lineId).expectStatus().isOk();
        api.post(admin(), "/api/v1/capacity/00000000-0000-0000-0000-000000000000/withdraw").expectStatus().isNotFound();
    }

    @Test
    void making_a_provider_inactive_withdraws_its_open_capacity() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());
        String lineId = api.announce(provider, 2, today, null).get("capacityLineId").asText();
        Map<String, Object> inactive = aProvider().typical().inactive().build();
        inactive.put("locations", List.of(Map.of("locationId", provider.get("locations").get(0).get("locationId").asText(),
                "postcode", "3012KK", "city", "Testdorp", "region", "rotterdam")));

        api.put(admin(), "/api/v1/providers/" + agb, inactive).expectStatus().isOk();

        api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody()
                .jsonPath("$.state").isEqualTo("WITHDRAWN");
        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 1, today, null))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("provider-inactive");
    }

    private long count() {
        return db.sql("select count(*) as n from capacity_line").map(row -> row.get("n", Long.class)).one().block();
    }
}
