package nl.transfertafel.capacity.announcement.web;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.CapacityApi.registeredAnnouncement;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11 items 15 and 19: a provider's retried announcement makes one line, and implausible
 * announcements (a fraction of a place, a window years away) are refused naming the field and the rule.
 */
@CapacityIntegrationTest
class AnnouncementHardeningIT {

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

    private long linesOf(String agb) {
        return db.sql("select count(*) as n from capacity_line where provider_agb = :agb").bind("agb", agb)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void a_retried_announcement_with_the_same_key_answers_the_first_line_and_makes_no_second() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());
        Map<String, Object> body = registeredAnnouncement(provider, 3, today, today.plusDays(30));
        String key = UUID.randomUUID().toString();

        JsonNode first = json(api.post(provider(agb), "/api/v1/capacity", body, key).expectStatus().isCreated());
        WebTestClient.ResponseSpec retry = api.post(provider(agb), "/api/v1/capacity", body, key);

        retry.expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectHeader().location("/api/v1/capacity/" + first.get("capacityLineId").asText());
        assertThat(json(retry).get("capacityLineId").asText()).isEqualTo(first.get("capacityLineId").asText());
        assertThat(linesOf(agb)).isEqualTo(1);
        assertThat(Outboxes.eventsOfType(db, "CapacityAnnounced", agb)).hasSize(1);
    }

    @Test
    void the_same_key_with_another_announcement_is_a_conflict_and_stores_nothing() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());
        String key = UUID.randomUUID().toString();
        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 3, today, null), key)
                .expectStatus().isCreated();

        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 4, today, null), key)
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("idempotency-key-reused");
        assertThat(linesOf(agb)).isEqualTo(1);
        assertThat(Outboxes.eventsOfType(db, "CapacityAnnounced", agb)).hasSize(1);
    }

    @Test
    void a_retried_stop_with_the_same_key_sets_one_restriction() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        Map<String, Object> stop = Map.of("kind", "STOP", "reason", "waiting list full");
        String key = UUID.randomUUID().toString();

        JsonNode first = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions", stop, key)
                .expectStatus().isCreated());
        JsonNode again = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions", stop, key)
                .expectStatus().isCreated());

        assertThat(again.get("restrictionId").asText()).isEqualTo(first.get("restrictionId").asText());
        assertThat(db.sql("select count(*) as n from registration_restriction where provider_agb = :agb")
                .bind("agb", agb).map(row -> row.get("n", Long.class)).one().block()).isEqualTo(1);
        assertThat(Outboxes.eventsOfType(db, "RegistrationRestrictionChanged", agb)).hasSize(1);
    }

    @Test
    void a_fraction_of_a_place_is_refused_naming_the_field_and_the_rule_not_rounded_down() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());
        String body = """
                {"locationId":"%s","offeringId":"%s","places":2.5,"availableFrom":"%s"}""".formatted(
                provider.get("locations").get(0).get("locationId").asText(),
                provider.get("offerings").get(0).get("offeringId").asText(), today);

        api.postJson(provider(agb), "/api/v1/capacity", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.errors[0].rule").isEqualTo("whole-number");
        assertThat(linesOf(agb)).isZero();
    }

    @Test
    void every_integer_field_of_the_capacity_api_refuses_a_fraction() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());
        String lineId = api.announce(provider, 3, today, null).get("capacityLineId").asText();
        String offering = """
                {"name":"GGZ Test","type":"GGZ_INSTITUTION","region":"rotterdam","locations":[],
                 "offerings":[{"diagnosisGroups":["DEPRESSION"],"careLevel":"BASIC","minAge":18.5,"maxAge":65}]}""";

        api.postJson(provider(agb), "/api/v1/capacity/" + lineId + "/correct", "{\"places\":1.5}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("places")
                .jsonPath("$.errors[0].rule").isEqualTo("whole-number");
        web.put().uri("/api/v1/providers/" + freshAgb()).headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(offering).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("offerings[0].minAge")
                .jsonPath("$.errors[0].rule").isEqualTo("whole-number");
        api.get(provider(agb), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody()
                .jsonPath("$.places").isEqualTo(3);
    }

    @Test
    void availability_windows_years_away_are_refused_with_the_bound_named() {
        String agb = freshAgb();
        JsonNode provider = api.register(agb, aProvider().typical().build());

        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 1, today.minusYears(3), null))
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("availableFrom")
                .jsonPath("$.errors[0].rule").isEqualTo("not-long-past")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString()).contains("31 days"));
        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 1, today.plusYears(20), null))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("availableFrom")
                .jsonPath("$.errors[0].rule").isEqualTo("not-too-far-ahead");
        api.post(provider(agb), "/api/v1/capacity", registeredAnnouncement(provider, 1, today, today.plusYears(3)))
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("availableUntil")
                .jsonPath("$.errors[0].rule").isEqualTo("not-too-far-ahead");
        assertThat(linesOf(agb)).isZero();
        // a line that started a week ago is a plausible late announcement
        Map<String, Object> lateButFine = new LinkedHashMap<>(registeredAnnouncement(provider, 1, today.minusDays(7),
                today.plusMonths(6)));
        api.post(provider(agb), "/api/v1/capacity", lateButFine).expectStatus().isCreated();
        assertThat(List.of(linesOf(agb))).containsExactly(1L);
    }
}
