package nl.transfertafel.intake.waitinglist.web;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Stage;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.referral.web.ReferralViews.ReferralCreated;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.ReferralJson;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.intake.waitinglist.infrastructure.WaitingEntryRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class WaitingListApiIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    WaitingEntryRepository entries;

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

    @Test
    void a_referral_lands_on_the_preferred_providers_list_with_what_it_needs_to_invite_the_client() {
        ReferralJson referral = aReferral().to(providerAgb).with("language", "en");
        ReferralCreated created = api.refer(Actors.gp(gpAgb), referral);

        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].referralId").isEqualTo(created.referralId().toString())
                .jsonPath("$[0].client.name").isEqualTo(referral.get("name"))
                .jsonPath("$[0].client.email").isEqualTo(referral.get("email"))
                .jsonPath("$[0].client.postcode").isEqualTo("3011AB")
                .jsonPath("$[0].client.language").isEqualTo("en")
                .jsonPath("$[0].referral.referrerAgb").isEqualTo(gpAgb)
                .jsonPath("$[0].waiting.stage").isEqualTo("WAITING")
                .jsonPath("$[0].waiting.version").isEqualTo(1)
                .jsonPath("$[0].waiting.intakeDeadline").isEqualTo(today.plusWeeks(4).toString());
    }

    @Test
    void the_provider_records_intake_and_treatment_and_every_change_is_a_snapshot_with_the_next_version() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();

        put("status", id, "{\"status\":\"WAITING_AS_PRECAUTION\",\"expectedVersion\":1}").expectStatus().isOk()
                .expectBody().jsonPath("$.waitingStatus").isEqualTo("WAITING_AS_PRECAUTION").jsonPath("$.version").isEqualTo(2);
        post("status-confirmation", id, "{\"expectedVersion\":2}").expectStatus().isOk();
        post("intake", id, "{\"on\":\"" + today + "\",\"expectedVersion\":3}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("INTAKE_DONE")
                .jsonPath("$.treatmentDeadline").isEqualTo(today.plusWeeks(10).toString());
        post("treatment-start", id, "{\"on\":\"" + today + "\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("IN_TREATMENT").jsonPath("$.version").isEqualTo(5);

        List<WaitingEntryChanged> events = outbox.events(id, WaitingEntryChanged.class);
        assertThat(events).extracting(WaitingEntryChanged::change).containsExactly(Change.REGISTERED, Change.STATUS_SET,
                Change.STATUS_CONFIRMED, Change.INTAKE_RECORDED, Change.TREATMENT_STARTED);
        assertThat(events).extracting(WaitingEntryChanged::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(4).stage()).isEqualTo(Stage.IN_TREATMENT);
        assertThat(events.get(4).registeredOn()).isEqualTo(today);
        assertThat(events.get(1).waitingStatus()).isEqualTo(WaitingStatus.WAITING_AS_PRECAUTION);
        // a client in treatment no longer waits: off the active list
        api.get(provider, "/api/v1/waiting-list").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        api.get(provider, "/api/v1/waiting-list?activeOnly=false").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void a_provider_withdraws_a_client_with_a_coded_reason() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();

        post("withdraw", id, "{\"reason\":\"CARE_FOUND_ELSEWHERE\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.stage").isEqualTo("WITHDRAWN")
                .jsonPath("$.withdrawalReason").isEqualTo("CARE_FOUND_ELSEWHERE");
        WaitingEntryChanged last = last(id);
        assertThat(last.change()).isEqualTo(Change.WITHDRAWN);
        assertThat(last.withdrawalReason()).isEqualTo(WithdrawalReason.CARE_FOUND_ELSEWHERE);

        post("withdraw", id, "{\"reason\":\"OTHER\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("illegal-transition");
        post("withdraw", id, "{\"reason\":\"BORED\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void concurrent_status_updates_have_one_winner_and_the_loser_gets_a_clear_409() throws Exception {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<EntityExchangeResult<String>> urgent = CompletableFuture.supplyAsync(() -> statusAfter(start, id,
                "URGENT_PLACEMENT"));
        CompletableFuture<EntityExchangeResult<String>> precaution = CompletableFuture.supplyAsync(() -> statusAfter(start,
                id, "WAITING_AS_PRECAUTION"));
        List<EntityExchangeResult<String>> answers = List.of(urgent.get(), precaution.get());

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(200, 409);
        EntityExchangeResult<String> loser = answers.stream().filter(a -> a.getStatus().value() == 409).findFirst().orElseThrow();
        assertThat(loser.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(loser.getResponseBody()).containsAnyOf("\"rule\":\"version-mismatch\"", "\"rule\":\"concurrent-update\"");
        assertThat(outbox.events(id, WaitingEntryChanged.class)).extracting(WaitingEntryChanged::change)
                .containsExactly(Change.REGISTERED, Change.STATUS_SET);
        assertThat(entries.find(id).block().version()).isEqualTo(2);
    }

    @Test
    void a_write_of_a_version_someone_else_already_changed_is_refused_by_the_database() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();
        var seen = entries.find(id).block();
        put("status", id, "{\"status\":\"URGENT_PLACEMENT\"}").expectStatus().isOk();

        assertThat(entries.update(seen, seen.version()).block()).isFalse();
        assertThat(entries.find(id).block().waitingStatus()).isEqualTo(WaitingStatus.URGENT_PLACEMENT);
    }

    @Test
    void a_change_against_an_old_version_is_a_409_version_mismatch() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();
        post("status-confirmation", id, "{\"expectedVersion\":1}").expectStatus().isOk();

        post("status-confirmation", id, "{\"expectedVersion\":1}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("version-mismatch");
    }

    @Test
    void invalid_dates_and_treatment_before_intake_are_answered_with_their_rule() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();

        post("intake", id, "{\"on\":\"" + today.plusDays(1) + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("on")
                .jsonPath("$.errors[0].rule").isEqualTo("PastOrPresent");
        post("intake", id, "{\"on\":\"" + today.minusDays(1) + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("NotBeforeRegistration");
        post("intake", id, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("on").jsonPath("$.errors[0].rule").isEqualTo("NotNull");
        post("treatment-start", id, "{\"on\":\"" + today + "\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("intake-before-treatment");
        put("status", id, "{\"status\":\"SOMEDAY\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        assertThat(outbox.events(id)).hasSize(2);
    }

    @Test
    void another_provider_can_neither_see_nor_change_the_entry() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();
        String other = Actors.provider(TestData.agb("23"));

        api.get(other, "/api/v1/waiting-list").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        api.post(other, "/api/v1/waiting-list/" + id + "/intake", "{\"on\":\"" + today + "\"}")
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        api.post(other, "/api/v1/waiting-list/" + UUID.randomUUID() + "/intake", "{\"on\":\"" + today + "\"}")
                .expectStatus().isNotFound();
        assertThat(outbox.events(id)).hasSize(2);
    }

    @Test
    void only_providers_use_the_waiting_list() {
        UUID id = api.refer(Actors.gp(gpAgb), aReferral().to(providerAgb)).referralId();

        api.get(Actors.gp(gpAgb), "/api/v1/waiting-list").expectStatus().isForbidden();
        api.post(Actors.gp(gpAgb), "/api/v1/waiting-list/" + id + "/intake", "{\"on\":\"" + today + "\"}")
                .expectStatus().isForbidden();
        api.get(null, "/api/v1/waiting-list").expectStatus().isUnauthorized();
    }

    private EntityExchangeResult<String> statusAfter(CyclicBarrier start, UUID id, String status) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return put("status", id, "{\"status\":\"" + status + "\",\"expectedVersion\":1}").expectBody(String.class)
                .returnResult();
    }

    private WaitingEntryChanged last(UUID id) {
        List<WaitingEntryChanged> events = outbox.events(id, WaitingEntryChanged.class);
        return events.get(events.size() - 1);
    }

    private WebTestClient.ResponseSpec post(String action, UUID id, String body) {
        return api.post(provider, "/api/v1/waiting-list/" + id + "/" + action, body);
    }

    private WebTestClient.ResponseSpec put(String action, UUID id, String body) {
        return api.put(provider, "/api/v1/waiting-list/" + id + "/" + action, body);
    }
}
