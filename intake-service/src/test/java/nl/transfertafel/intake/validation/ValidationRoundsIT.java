package nl.transfertafel.intake.validation;

import static nl.transfertafel.intake.testsupport.ReferralJson.aReferral;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.contracts.events.intake.ScreeningConsentChanged;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked.Attempt;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged;
import nl.transfertafel.contracts.events.intake.WaitingEntryChanged.Change;
import nl.transfertafel.contracts.vocabulary.WaitingStatus;
import nl.transfertafel.contracts.vocabulary.WithdrawalReason;
import nl.transfertafel.intake.IntakeIntegrationTest;
import nl.transfertafel.intake.IntakeWiring;
import nl.transfertafel.intake.testsupport.Actors;
import nl.transfertafel.intake.testsupport.Api;
import nl.transfertafel.intake.testsupport.MutableClock;
import nl.transfertafel.intake.testsupport.Outboxed;
import nl.transfertafel.intake.testsupport.ReferralJson;
import nl.transfertafel.intake.testsupport.TestData;
import nl.transfertafel.intake.validation.application.ValidationDeadlineJob;
import nl.transfertafel.testkit.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * "Still waiting?" rounds on the real engines (issue 15 item 1): who may start one, what it asks,
 * the three channels' answers through the waiting entry's state machine, the single-use link (once,
 * expiry, re-mint, limits, clear refusals), the reminder and the flag on the service's clock, the
 * audit rows and the outbox.
 */
@IntakeIntegrationTest
class ValidationRoundsIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        IntakeWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    ValidationDeadlineJob job;
    @Autowired
    MutableClock clock;

    private Api api;
    private Outboxed outbox;
    private final String gpAgb = TestData.agb("01");
    private final String gp = Actors.gp(gpAgb);
    private final String providerAgb = TestData.agb("22");
    private final String provider = Actors.provider(providerAgb);
    private final String coordinator = Actors.coordinator(Actors.REGION);
    private final String notifier = Actors.service("notification-service");

    @BeforeEach
    void setUp() {
        api = new Api(web);
        outbox = new Outboxed(db);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_coordinator_round_asks_each_client_still_waiting_in_scope_once() {
        UUID first = refer(aReferral());
        UUID second = refer(aReferral());
        UUID withdrawn = refer(aReferral());
        api.post(provider, "/api/v1/waiting-list/" + withdrawn + "/withdraw", "{\"reason\":\"NO_SHOW\"}")
                .expectStatus().isOk();

        startRound(coordinator, providerAgb, days(14))
                .jsonPath("$.status").isEqualTo("OPEN")
                .jsonPath("$.asked").isEqualTo(2)
                .jsonPath("$.answered").isEqualTo(0)
                .jsonPath("$.noAnswer").isEqualTo(2)
                .jsonPath("$.waitingBefore").isEqualTo(2)
                .jsonPath("$.scope.region").isEqualTo(Actors.REGION)
                .jsonPath("$.scope.providerAgb").isEqualTo(providerAgb);
        String roundId = latestRound();

        for (UUID asked : List.of(first, second)) {
            List<ValidationQuestionAsked> events = outbox.events(asked, ValidationQuestionAsked.class);
            assertThat(events).singleElement().satisfies(event -> {
                assertThat(event.attempt()).isEqualTo(Attempt.FIRST);
                assertThat(event.roundId()).isEqualTo(roundId);
                assertThat(event.referrerAgb()).isEqualTo(gpAgb);
                assertThat(event.providerAgb()).isEqualTo(providerAgb);
            });
        }
        assertThat(outbox.events(withdrawn, ValidationQuestionAsked.class)).as("no longer waiting: not asked").isEmpty();

        api.get(coordinator, "/api/v1/validation-rounds/" + roundId).expectStatus().isOk().expectBody()
                .jsonPath("$.roundId").isEqualTo(roundId);
        api.get(provider, "/api/v1/validation-rounds/" + roundId).expectStatus().isOk();
        api.get(Actors.coordinator("utrecht"), "/api/v1/validation-rounds/" + roundId).expectStatus().isNotFound();
        api.get(Actors.provider(TestData.agb("23")), "/api/v1/validation-rounds/" + roundId).expectStatus().isNotFound();
        api.get(coordinator, "/api/v1/validation-rounds").expectStatus().isOk().expectBody()
                .jsonPath("$[0].roundId").isEqualTo(roundId);
    }

    @Test
    void a_provider_starts_rounds_for_its_own_list_and_nobody_elses() {
        refer(aReferral());
        startRound(provider, null, days(10)).jsonPath("$.scope.providerAgb").isEqualTo(providerAgb)
                .jsonPath("$.asked").isEqualTo(1);

        api.post(provider, "/api/v1/validation-rounds", body(TestData.agb("23"), days(10)))
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("own-list-only");
        api.post(provider, "/api/v1/validation-rounds", "{\"region\":\"utrecht\",\"deadline\":\"" + days(10) + "\"}")
                .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("own-region-only");
        api.post(gp, "/api/v1/validation-rounds", body(null, days(10))).expectStatus().isForbidden();
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_and_the_rule() {
        expectInvalid(body(providerAgb, Instant.now(clock).minus(Duration.ofDays(1))), "deadline", "Future");
        expectInvalid(body(providerAgb, days(200)), "deadline", "AtMost60Days");
        expectInvalid("{\"providerAgb\":\"" + providerAgb + "\"}", "deadline", "NotNull");
        expectInvalid(body("not-an-agb", days(10)), "providerAgb", "Pattern");
        api.post(coordinator, "/api/v1/validation-rounds", "{\"deadline\":\"tomorrow\"}").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void the_client_answers_once_through_the_link_without_an_account() {
        UUID referral = refer(aReferral());
        startRound(coordinator, providerAgb, days(14));
        UUID question = questionOf(referral);

        Map<?, ?> link = mint(question);
        assertThat(link.get("language")).isEqualTo("nl");
        String path = pathOf((String) link.get("url"));
        String token = path.substring(path.lastIndexOf('/') + 1);
        assertThat(db.sql("select count(*) from validation_question where token_hash is not null and id = :id")
                .bind("id", question).map(row -> ((Number) row.get(0)).longValue()).one().block()).isEqualTo(1);
        assertThat(outbox.count("select count(*) from validation_question where encode(token_hash, 'escape') like :p0",
                "%" + token + "%")).as("the token itself is never stored").isZero();

        String page = web.get().uri(path + "?lang=nl").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"nl\">", "Wacht u nog op zorg?", "<label for=\"answer-still-waiting\">")
                .doesNotContain("Test Cliënt").doesNotContain("@example.org");
        assertThat(web.get().uri(path + "?lang=en").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody()).contains("<html lang=\"en\">", "Are you still waiting for care?");

        web.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("answer", "NO_LONGER_NEEDED").with("lang", "en"))
                .exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("Thank you"));

        List<WaitingEntryChanged> changes = outbox.events(referral, WaitingEntryChanged.class);
        assertThat(changes.get(changes.size() - 1)).satisfies(change -> {
            assertThat(change.change()).isEqualTo(Change.WITHDRAWN);
            assertThat(change.withdrawalReason()).isEqualTo(WithdrawalReason.NO_LONGER_NEEDED);
        });
        assertThat(outbox.count("select count(*) from audit_log where action = 'answer-validation-question' "
                + "and actor = 'client-answer-link' and subject_pseudonym = :p0", pseudonymOf(referral))).isEqualTo(1);
        assertThat(outbox.count("select count(*) from audit_log where action = 'mint-answer-link' "
                + "and subject_pseudonym = :p0", pseudonymOf(referral))).isEqualTo(1);

        web.post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("answer", "STILL_WAITING"))
                .exchange().expectStatus().isEqualTo(410).expectBody(String.class)
                .value(body -> assertThat(body).contains("al gebruikt"));
        web.get().uri("/api/v1/answer-links/" + token).exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.rule").isEqualTo("link-used");
        api.post(notifier, "/api/v1/internal/validation-questions/" + question + "/answer-link", "")
                .expectStatus().isNotFound();
        assertThat(outbox.events(referral, WaitingEntryChanged.class)).hasSize(changes.size());
    }

    @Test
    void a_new_link_replaces_the_previous_one() {
        UUID referral = refer(aReferral());
        startRound(coordinator, providerAgb, days(14));
        UUID question = questionOf(referral);
        String firstPath = pathOf((String) mint(question).get("url"));
        String secondPath = pathOf((String) mint(question).get("url"));

        web.get().uri(firstPath).exchange().expectStatus().isNotFound();
        web.get().uri(secondPath).exchange().expectStatus().isOk();
    }

    @Test
    void an_expired_link_gets_a_clear_page_and_problem() {
        UUID referral = refer(aReferral());
        startRound(coordinator, providerAgb, days(10));
        String path = pathOf((String) mint(questionOf(referral)).get("url"));
        String token = path.substring(path.lastIndexOf('/') + 1);

        clock.advance(Duration.ofDays(10 + 7 + 1));
        web.get().uri(path + "?lang=en").exchange().expectStatus().isEqualTo(410).expectBody(String.class)
                .value(body -> assertThat(body).contains("This link has expired"));
        web.post().uri("/api/v1/answer-links/" + token + "/answer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answer\":\"STILL_WAITING\"}").exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("link-expired");
    }

    @Test
    void unknown_or_malformed_links_are_answered_never_with_a_500() {
        web.get().uri("/answer/not-a-token").exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        web.get().uri("/answer/" + "A".repeat(43)).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/answer-links/" + "A".repeat(43)).exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/answer-links/" + "A".repeat(43) + "/answer").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answer\":\"MAYBE\"}").exchange().expectStatus().isBadRequest();
        web.post().uri("/answer/" + "A".repeat(43)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("answer", "STILL_WAITING")).exchange().expectStatus().isNotFound();
    }

    @Test
    void a_link_is_limited_to_ten_attempts_per_quarter_hour() {
        UUID referral = refer(aReferral());
        startRound(coordinator, providerAgb, days(14));
        String path = pathOf((String) mint(questionOf(referral)).get("url"));
        for (int i = 0; i < 10; i++) {
            web.get().uri(path).exchange().expectStatus().isOk();
        }
        web.get().uri(path).exchange().expectStatus().isEqualTo(429);
        web.get().uri("/api/v1/answer-links/" + path.substring(path.lastIndexOf('/') + 1)).exchange()
                .expectStatus().isEqualTo(429).expectBody().jsonPath("$.rule").isEqualTo("too-many-attempts");

        clock.advance(Duration.ofMinutes(16));
        web.get().uri(path).exchange().expectStatus().isOk();
    }

    @Test
    void the_gp_answers_for_its_own_clients_once() {
        UUID precaution = refer(aReferral());
        UUID noScreening = refer(aReferral());
        startRound(coordinator, providerAgb, days(14));
        UUID first = questionOf(precaution);

        api.get(gp, "/api/v1/referrals/" + precaution).expectStatus().isOk().expectBody()
                .jsonPath("$.validationQuestion.questionId").isEqualTo(first.toString())
                .jsonPath("$.validationQuestion.flagged").isEqualTo(false);
        api.post(Actors.gp(TestData.agb("01")), answerPath(first), "{\"answer\":\"STILL_WAITING\"}")
                .expectStatus().isNotFound();
        api.post(gp, answerPath(first), "{\"answer\":\"WAITING_AS_PRECAUTION\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.answeredVia").isEqualTo("GP").jsonPath("$.entryChanged").isEqualTo(true);
        api.post(gp, answerPath(first), "{\"answer\":\"STILL_WAITING\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.rule").isEqualTo("answered-already");
        assertThat(last(outbox.events(precaution, WaitingEntryChanged.class)).waitingStatus())
                .isEqualTo(WaitingStatus.WAITING_AS_PRECAUTION);
        api.get(gp, "/api/v1/referrals/" + precaution).expectStatus().isOk().expectBody()
                .jsonPath("$.validationQuestion").doesNotExist();

        api.post(gp, answerPath(questionOf(noScreening)), "{\"answer\":\"NO_TRANSFER_SCREENING\"}").expectStatus().isOk();
        assertThat(outbox.events(noScreening, ScreeningConsentChanged.class)).singleElement()
                .satisfies(changed -> assertThat(changed.screeningConsent()).isFalse());
        assertThat(outbox.count("select count(*) from referral where id = :p0 and not screening_consent", noScreening))
                .isEqualTo(1);
        assertThat(outbox.count("select count(*) from audit_log where action = 'answer-validation-question' "
                + "and organisation = :p0", gpAgb)).isEqualTo(2);
    }

    @Test
    void the_client_supporter_the_client_named_answers_for_the_client() {
        UUID referral = refer(aReferral().with("clientSupportOrganisation", "MEE-Rotterdam"));
        startRound(coordinator, providerAgb, days(14));
        UUID question = questionOf(referral);

        api.post(supporter("zorgbelang-zh"), answerPath(question), "{\"answer\":\"STILL_WAITING\"}")
                .expectStatus().isNotFound();
        api.post(supporter("MEE-Rotterdam"), answerPath(question), "{\"answer\":\"STILL_WAITING\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.answeredVia").isEqualTo("CLIENT_SUPPORT");
    }

    @Test
    void no_answer_brings_one_reminder_then_a_flag_and_never_a_removal() {
        UUID answered = refer(aReferral());
        UUID silent = refer(aReferral());
        startRound(coordinator, providerAgb, days(10));
        String roundId = latestRound();
        api.post(gp, answerPath(questionOf(answered)), "{\"answer\":\"STILL_WAITING\"}").expectStatus().isOk();

        clock.advance(Duration.ofDays(10).plusMinutes(1));
        job.run().block();
        job.run().block();
        assertThat(outbox.events(silent, ValidationQuestionAsked.class)).extracting(ValidationQuestionAsked::attempt)
                .containsExactly(Attempt.FIRST, Attempt.REMINDER);
        assertThat(outbox.events(answered, ValidationQuestionAsked.class)).hasSize(1);
        api.get(coordinator, "/api/v1/validation-rounds/" + roundId).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("REMINDED");

        clock.advance(Duration.ofDays(7));
        job.run().block();
        job.run().block();
        assertThat(outbox.events(silent, ValidationEntryFlagged.class)).hasSize(1);
        assertThat(outbox.events(answered, ValidationEntryFlagged.class)).isEmpty();
        WaitingEntryChanged flagged = last(outbox.events(silent, WaitingEntryChanged.class));
        assertThat(flagged.change()).isEqualTo(Change.STALE);
        assertThat(flagged.stage()).as("flagged, never removed").isEqualTo(WaitingEntryChanged.Stage.WAITING);
        api.get(gp, "/api/v1/referrals/" + silent).expectStatus().isOk().expectBody()
                .jsonPath("$.validationQuestion.flagged").isEqualTo(true)
                .jsonPath("$.waiting.stale").isEqualTo(true);

        api.get(coordinator, "/api/v1/validation-rounds/" + roundId).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.asked").isEqualTo(2)
                .jsonPath("$.answered").isEqualTo(1)
                .jsonPath("$.stillWaiting").isEqualTo(1)
                .jsonPath("$.withdrawn").isEqualTo(0)
                .jsonPath("$.changed").isEqualTo(0)
                .jsonPath("$.noAnswer").isEqualTo(1)
                .jsonPath("$.waitingBefore").isEqualTo(2)
                .jsonPath("$.waitingAfter").isEqualTo(2);
    }

    @Test
    void the_figures_show_the_regions_newest_rounds_in_the_dashboards_shape() {
        UUID referral = refer(aReferral());
        startRound(coordinator, providerAgb, days(14));
        String roundId = latestRound();
        api.post(gp, answerPath(questionOf(referral)), "{\"answer\":\"NO_LONGER_NEEDED\"}").expectStatus().isOk();

        Map<?, ?> figures = api.get(coordinator, "/api/v1/figures").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        List<?> rounds = (List<?>) figures.get("validationRounds");
        assertThat(rounds).hasSizeBetween(1, 5);
        Map<?, ?> newest = (Map<?, ?>) rounds.get(0);
        assertThat(newest.keySet().stream().map(Object::toString).toList()).containsExactlyInAnyOrder("roundId", "scope", "startedAt", "deadline", "status",
                "asked", "answered", "stillWaiting", "withdrawn", "changed", "noAnswer", "waitingBefore", "waitingAfter");
        assertThat(((Map<?, ?>) newest.get("scope")).keySet().stream().map(Object::toString).toList())
                .containsExactlyInAnyOrder("region", "providerAgb", "diagnosisGroup");
        assertThat(newest.get("roundId")).isEqualTo(roundId);
        assertThat(newest.get("withdrawn")).isEqualTo(1);
        assertThat(newest.get("waitingBefore")).isEqualTo(1);
        assertThat(newest.get("waitingAfter")).isEqualTo(0);
    }

    // --- helpers

    private UUID refer(ReferralJson referral) {
        return api.refer(gp, referral.to(providerAgb)).referralId();
    }

    private WebTestClient.BodyContentSpec startRound(String token, String provider, Instant deadline) {
        return api.post(token, "/api/v1/validation-rounds", body(provider, deadline)).expectStatus().isCreated()
                .expectBody();
    }

    private void expectInvalid(String body, String field, String rule) {
        api.post(coordinator, "/api/v1/validation-rounds", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    private static String body(String provider, Instant deadline) {
        return "{" + (provider == null ? "" : "\"providerAgb\":\"" + provider + "\",") + "\"deadline\":\"" + deadline + "\"}";
    }

    private Instant days(int days) {
        return Instant.now(clock).plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The newest round of this test's provider. */
    private String latestRound() {
        return db.sql("select id from validation_round where provider_agb = :p order by started_at desc limit 1")
                .bind("p", providerAgb).map(row -> row.get("id", UUID.class).toString()).one().block();
    }

    private UUID questionOf(UUID referral) {
        return UUID.fromString(last(outbox.events(referral, ValidationQuestionAsked.class)).questionId());
    }

    private String pseudonymOf(UUID referral) {
        return db.sql("select client_pseudonym from referral where id = :id").bind("id", referral)
                .map(row -> row.get("client_pseudonym", String.class)).one().block();
    }

    private Map<?, ?> mint(UUID question) {
        return api.post(notifier, "/api/v1/internal/validation-questions/" + question + "/answer-link", "")
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String pathOf(String url) {
        return java.net.URI.create(url).getPath();
    }

    private static String answerPath(UUID question) {
        return "/api/v1/validation-questions/" + question + "/answer";
    }

    private static String supporter(String organisation) {
        return TestStack.tokens().token("supporter-" + organisation, List.of("CLIENT_SUPPORT"), organisation, Actors.REGION);
    }

    private static <T> T last(List<T> items) {
        assertThat(items).isNotEmpty();
        return items.get(items.size() - 1);
    }
}
