package nl.transfertafel.intake.waitinglist.closure;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.capacity.ProviderClosureAnnounced;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.intake.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 15 item 2, ADR 1431, on the real engines: capacity-service announces that a provider stops a programme;
 * its clients in treatment in scope wait again through the lifecycle's TREATMENT_MUST_MOVE (one event each, with
 * the closure's end date as the clock's start), those of other groups and those still waiting are left alone, and
 * the same announcement again changes nobody twice.
 */
@IntakeIntegrationTest
class TreatmentsMustMoveIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    private Api api;
    private Outboxed outbox;
    private final String gpAgb = TestData.agb("01");
    private final String providerAgb = TestData.agb("22");
    private final String provider = Actors.provider(providerAgb);
    private final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    private UUID inTreatment(String group) {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group(group)).referralId();
        api.post(provider, "/api/v1/waiting-list/" + id + "/intake", "{\"on\":\"" + today + "\"}").expectStatus().isOk();
        api.post(provider, "/api/v1/waiting-list/" + id + "/treatment-start", "{\"on\":\"" + today + "\"}")
                .expectStatus().isOk();
        return id;
    }

    private String stage(UUID id) {
        return db.sql("select stage from waiting_entry where referral_id = :id").bind("id", id)
                .map(row -> row.get("stage", String.class)).one().block();
    }

    @Test
    void a_programme_stop_puts_its_clients_in_treatment_back_into_matching_with_a_clock_from_the_end_date() {
        UUID treated = inTreatment("DEPRESSION");
        UUID otherGroup = inTreatment("EATING");
        UUID waiting = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb).group("DEPRESSION")).referralId();
        LocalDate endDate = today.plusDays(45);
        String closureId = "closure-" + UUID.randomUUID();
        NewEvent announced = new NewEvent(UUID.randomUUID(), Instant.now(), Actors.REGION, closureId,
                new ProviderClosureAnnounced(closureId, providerAgb, null, List.of(DiagnosisGroup.DEPRESSION), endDate,
                        "Desk", List.of()));
        TestEvents.publish(announced);

        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(stage(treated)));
        List<WaitingEntryChanged> events = outbox.events(treated, WaitingEntryChanged.class);
        WaitingEntryChanged last = events.get(events.size() - 1);
        assertThat(last.change()).isEqualTo(Change.TREATMENT_MUST_MOVE);
        assertThat(last.stage()).isEqualTo(Stage.WAITING);
        assertThat(last.providerAgb()).isEqualTo(providerAgb);
        assertThat(last.waitCountsFrom()).isEqualTo(endDate);
        assertThat(last.registeredOn()).isEqualTo(today);
        assertThat(stage(otherGroup)).as("a group the closure does not name").isEqualTo("IN_TREATMENT");
        assertThat(outbox.events(waiting, WaitingEntryChanged.class)).as("a waiting client stays as it is").hasSize(1);
        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.referralId == '" + treated + "')].waiting.intakeDeadline")
                .isEqualTo(endDate.plusWeeks(4).toString());

        // a second announcement (or the same one again) changes nobody twice
        String again = "closure-" + UUID.randomUUID();
        TestEvents.publish(new NewEvent(UUID.randomUUID(), Instant.now(), Actors.REGION, again,
                new ProviderClosureAnnounced(again, providerAgb, null, List.of(), endDate, "Desk", List.of())));
        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(stage(otherGroup)));
        assertThat(outbox.events(treated, WaitingEntryChanged.class)).hasSize(events.size());
    }

    @Test
    void the_provider_names_where_a_client_is_treated_and_the_event_carries_it() {
        UUID treated = inTreatment("DEPRESSION");
        String location = UUID.randomUUID().toString();

        api.put(provider, "/api/v1/waiting-list/" + treated + "/location", "{\"locationId\":\"" + location + "\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.locationId").isEqualTo(location);

        List<WaitingEntryChanged> events = outbox.events(treated, WaitingEntryChanged.class);
        assertThat(events.get(events.size() - 1).change()).isEqualTo(Change.LOCATION_SET);
        assertThat(events.get(events.size() - 1).locationId()).isEqualTo(location);
        assertThat(events.get(events.size() - 1).stage()).isEqualTo(Stage.IN_TREATMENT);
        // bad input is a problem naming the field
        api.put(provider, "/api/v1/waiting-list/" + treated + "/location", "{\"locationId\":\"not-a-location\"}")
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith("application/problem+json");
        api.put(provider, "/api/v1/waiting-list/" + treated + "/location", "{}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("locationId");
    }

    @Test
    void a_location_closure_moves_only_the_treatments_at_that_location() {
        String closing = UUID.randomUUID().toString();
        String staying = UUID.randomUUID().toString();
        UUID atClosing = inTreatment("DEPRESSION");
        UUID atStaying = inTreatment("DEPRESSION");
        UUID unknown = inTreatment("DEPRESSION");
        api.put(provider, "/api/v1/waiting-list/" + atClosing + "/location", "{\"locationId\":\"" + closing + "\"}")
                .expectStatus().isOk();
        api.put(provider, "/api/v1/waiting-list/" + atStaying + "/location", "{\"locationId\":\"" + staying + "\"}")
                .expectStatus().isOk();

        String closureId = "closure-" + UUID.randomUUID();
        TestEvents.publish(new NewEvent(UUID.randomUUID(), Instant.now(), Actors.REGION, closureId,
                new ProviderClosureAnnounced(closureId, providerAgb, closing, List.of(), today.plusDays(30), "Desk",
                        List.of())));

        await().atMost(Duration.ofSeconds(30)).until(() -> "WAITING".equals(stage(atClosing)));
        assertThat(stage(atStaying)).as("treated at a location that stays open").isEqualTo("IN_TREATMENT");
        assertThat(stage(unknown)).as("location unknown: not taken out of treatment").isEqualTo("IN_TREATMENT");
    }
}
