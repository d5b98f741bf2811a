package nl.transfertafel.capacity.housekeeping;

import static nl.transfertafel.capacity.support.CapacityApi.admin;
import static nl.transfertafel.capacity.support.CapacityApi.json;
import static nl.transfertafel.capacity.support.CapacityApi.provider;
import static nl.transfertafel.capacity.support.CapacityApi.reservation;
import static nl.transfertafel.capacity.support.CapacityApi.transferTable;
import static nl.transfertafel.capacity.support.TestData.aProvider;
import static nl.transfertafel.capacity.support.TestData.freshAgb;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.capacity.CapacityIntegrationTest;
import nl.transfertafel.capacity.CapacityWiring;
import nl.transfertafel.capacity.announcement.application.LineHousekeeping;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.capacity.housekeeping.infrastructure.Housekeeping;
import nl.transfertafel.capacity.reservation.application.ReservationService;
import nl.transfertafel.capacity.support.CapacityApi;
import nl.transfertafel.capacity.support.MovableClock;
import nl.transfertafel.capacity.support.Outboxes;
import nl.transfertafel.contracts.events.EventSchemas;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ReservationChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The time-driven rules, by moving the shared clock forward and running the jobs. */
@CapacityIntegrationTest
class HousekeepingIT {

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
    @Autowired
    LineHousekeeping lines;
    @Autowired
    ReservationService reservations;
    @Autowired
    Housekeeping housekeeping;
    @Autowired
    MeterRegistry meters;
    CapacityApi api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new CapacityApi(web);
        today = Today.of(clock);
    }

    @Test
    void an_announcement_expires_after_its_last_day_and_takes_no_more_reservations() {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 2, today, today.plusDays(1)).get("capacityLineId").asText();
        double expiredBefore = counter("EXPIRED");

        clock.advance(Duration.ofDays(1));
        lines.expireLines().block();
        line(lineId).jsonPath("$.state").isEqualTo("OPEN");

        clock.advance(Duration.ofDays(1));
        assertThat(lines.expireLines().block()).isGreaterThanOrEqualTo(1);
        line(lineId).jsonPath("$.state").isEqualTo("EXPIRED");
        api.post(transferTable(), "/api/v1/reservations", reservation(lineId, UUID.randomUUID().toString()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("line-not-open");
        var last = Outboxes.eventsFor(db, lineId).get(Outboxes.eventsFor(db, lineId).size() - 1);
        assertThat(last.payloadAs(CapacityLineChanged.class).state()).isEqualTo(CapacityLineChanged.State.EXPIRED);
        assertThat(EventSchemas.violations(last)).isEmpty();
        assertThat(counter("EXPIRED")).isGreaterThan(expiredBefore);
    }

    @Test
    void a_line_not_confirmed_for_fourteen_days_goes_stale_until_its_provider_confirms_it() {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 2, today, null).get("capacityLineId").asText();

        clock.advance(Duration.ofDays(13));
        lines.markStaleLines().block();
        line(lineId).jsonPath("$.state").isEqualTo("OPEN");

        clock.advance(Duration.ofDays(1));
        lines.markStaleLines().block();
        line(lineId).jsonPath("$.state").isEqualTo("STALE");
        api.post(transferTable(), "/api/v1/reservations", reservation(lineId, UUID.randomUUID().toString()))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("line-not-open");

        api.post(provider(provider.get("agb").asText()), "/api/v1/capacity/" + lineId + "/confirm").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("OPEN");
        assertThat(Outboxes.eventsFor(db, lineId)).extracting(e -> e.payload().path("change").asText())
                .containsSubsequence("STALE", "CONFIRMED");
    }

    @Test
    void a_held_place_returns_when_the_hold_runs_out() {
        JsonNode provider = api.register(freshAgb(), aProvider().typical().build());
        String lineId = api.announce(provider, 1, today, null).get("capacityLineId").asText();
        JsonNode held = json(api.post(transferTable(), "/api/v1/reservations", reservation(lineId, "p-" + UUID.randomUUID()))
                .expectStatus().isCreated());
        String reservationId = held.get("reservationId").asText();
        line(lineId).jsonPath("$.state").isEqualTo("FULL");

        clock.advance(Duration.ofDays(10).minusMinutes(1));
        reservations.expireDue().block();
        api.get(admin(), "/api/v1/reservations/" + reservationId).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("HELD");

        clock.advance(Duration.ofMinutes(1));
        housekeeping.runOnce();
        api.get(admin(), "/api/v1/reservations/" + reservationId).expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("EXPIRED").jsonPath("$.placesLeft").isEqualTo(1);
        line(lineId).jsonPath("$.state").isEqualTo("OPEN").jsonPath("$.placesLeft").isEqualTo(1);
        var expired = Outboxes.eventsFor(db, reservationId);
        assertThat(expired).extracting(e -> e.payloadAs(ReservationChanged.class).state())
                .containsExactly(ReservationChanged.State.HELD, ReservationChanged.State.EXPIRED);
        assertThat(expired).allSatisfy(e -> assertThat(EventSchemas.violations(e)).isEmpty());
        // releasing it afterwards changes nothing (the place has returned already)
        api.post(transferTable(), "/api/v1/reservations/" + reservationId + "/release").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("EXPIRED").jsonPath("$.placesLeft").isEqualTo(1);
    }

    @Test
    void a_pause_is_lifted_by_itself_after_its_last_day() {
        String agb = freshAgb();
        api.register(agb, aProvider().typical().build());
        String id = json(api.post(provider(agb), "/api/v1/providers/" + agb + "/restrictions", Map.of("kind", "PAUSE",
                "diagnosisGroup", "ANXIETY", "reason", "wachttijd boven de norm", "until", today.plusDays(2).toString()))
                .expectStatus().isCreated()).get("restrictionId").asText();

        clock.advance(Duration.ofDays(3));
        housekeeping.runOnce();

        api.get(admin(), "/api/v1/providers/" + agb + "/restrictions").expectStatus().isOk()
                .expectBody().jsonPath("$[0].restrictionId").isEqualTo(id).jsonPath("$[0].active").isEqualTo(false);
        assertThat(Outboxes.eventsFor(db, id)).extracting(e -> e.payload().path("active").asBoolean())
                .containsExactly(true, false);
    }

    private WebTestClient.BodyContentSpec line(String lineId) {
        return api.get(admin(), "/api/v1/capacity/" + lineId).expectStatus().isOk().expectBody();
    }

    private double counter(String change) {
        var counter = meters.find("transfertafel.capacity.line-changes").tags("region", "rotterdam", "change", change)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
