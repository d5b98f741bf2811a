package nl.transfertafel.notification.delivery;

import static nl.transfertafel.notification.delivery.EmailDeliveryIT.awaitMail;
import static nl.transfertafel.notification.delivery.EmailDeliveryIT.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.intake.ClientSupportChanged;
import nl.transfertafel.contracts.events.intake.ValidationEntryFlagged;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked;
import nl.transfertafel.contracts.events.intake.ValidationQuestionAsked.Attempt;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.ContactDesk;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * "Still waiting?" (issue 15 item 1) on the real engines: the question reaches the GP's inbox, the
 * client-support organisation the client named, and the client's e-mail with the answer link that
 * intake mints at send time (played by {@link ContactDesk}); the reminder brings a new link; a flag
 * reaches the GP and the provider. The link is in the e-mail only: not in the delivery log, not in
 * the database.
 */
@NotificationIntegrationTest
class ValidationNoticesIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void the_question_reaches_the_gp_the_supporter_and_the_client_with_a_fresh_link_each_time() throws Exception {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String support = "cs-" + TestEvents.agb();
        String questionId = UUID.randomUUID().toString();
        String address = "wachtende-" + journey.referralId.substring(0, 8) + "@mail.example";
        ContactDesk.shared().register(journey.referralId, address, null, "nl");
        String firstLink = "https://intake.example/answer/" + "F".repeat(43) + "?lang=nl";
        String secondLink = "https://intake.example/answer/" + "S".repeat(43) + "?lang=nl";
        ContactDesk.shared().registerAnswerLinks(questionId, firstLink, secondLink);
        linkSupport(journey, support);

        EventPublisher.publish(asked(journey, questionId, Attempt.FIRST));

        MimeMessage mail = awaitMail(address);
        assertThat(mail.getSubject()).isEqualTo("Wacht u nog op zorg?");
        assertThat(mail.getHeader("Content-Language")).containsExactly("nl");
        assertThat(mail.getContent().toString()).contains(firstLink).doesNotContain(journey.referralId)
                .doesNotContain(journey.pseudonym);

        String gp = Api.token("GP", journey.gp, DemoUsers.REGION);
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(gp, "/api/v1/inbox").contains("VALIDATION_QUESTION"));
        JsonNode gpItem = api.json(api.get(gp, "/api/v1/inbox")).get("items").get(0);
        assertThat(gpItem.get("link").asText()).endsWith("/api/v1/referrals/" + journey.referralId);

        String supporter = Api.userToken("supporter-" + support, "CLIENT_SUPPORT", support, DemoUsers.REGION);
        await().atMost(Duration.ofSeconds(30)).until(() -> total(supporter, "/api/v1/inbox") == 1);
        JsonNode supportItem = api.json(api.get(supporter, "/api/v1/inbox")).get("items").get(0);
        assertThat(supportItem.get("subject").get("id").asText()).isEqualTo(questionId);
        assertThat(supportItem.get("link").asText()).endsWith("/api/v1/validation-questions/" + questionId + "/answer");

        EventPublisher.publish(asked(journey, questionId, Attempt.REMINDER));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).size() == 2);
        MimeMessage reminder = mailsTo(address).get(1);
        assertThat(reminder.getSubject()).isEqualTo("Herinnering: wacht u nog op zorg?");
        assertThat(reminder.getContent().toString()).contains(secondLink).doesNotContain(firstLink);
        assertThat(ContactDesk.shared().mints(questionId)).isEqualTo(2);

        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        JsonNode log = api.json(api.get(admin, "/api/v1/deliveries?organisation=client:" + journey.referralId));
        assertThat(log.toString()).doesNotContain("F".repeat(43)).doesNotContain("S".repeat(43)).doesNotContain(address);
        long stored = db.sql("select count(*) as n from delivery where link like '%/answer/%'")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(stored).as("the answer link is never stored here").isZero();
    }

    @Test
    void a_question_answered_before_the_mail_went_out_is_skipped() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String questionId = UUID.randomUUID().toString();
        ContactDesk.shared().register(journey.referralId, "answered-" + questionId.substring(0, 8) + "@mail.example",
                null, "en");
        // no link registered: intake answers 404, the question is no longer open

        EventPublisher.publish(asked(journey, questionId, Attempt.FIRST));

        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = api.json(api.get(admin, "/api/v1/deliveries?organisation=client:" + journey.referralId));
            assertThat(log.get("items")).hasSize(1);
            assertThat(log.get("items").get(0).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(log.get("items").get(0).get("lastError").asText())
                    .isEqualTo("the question is answered or its answer period is over");
        });
    }

    @Test
    void an_unanswered_entry_is_flagged_to_the_gp_and_the_provider() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        EventPublisher.publish(journey.envelope(journey.referralId, new ValidationEntryFlagged(
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), journey.referralId, journey.pseudonym,
                journey.gp, journey.provider)));

        String gp = Api.token("GP", journey.gp, DemoUsers.REGION);
        String provider = Api.token("PROVIDER", journey.provider, DemoUsers.REGION);
        await().atMost(Duration.ofSeconds(30)).until(() -> notices(gp, "/api/v1/inbox").contains("VALIDATION_UNANSWERED")
                && notices(provider, "/api/v1/inbox").contains("VALIDATION_UNANSWERED"));
        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        JsonNode log = api.json(api.get(admin, "/api/v1/deliveries?organisation=client:" + journey.referralId));
        assertThat(log.get("items")).as("the client is not told it was flagged").isEmpty();
    }

    private EventEnvelope asked(TestEvents journey, String questionId, Attempt attempt) {
        return journey.envelope(journey.referralId, new ValidationQuestionAsked(UUID.randomUUID().toString(), questionId,
                journey.referralId, journey.pseudonym, journey.gp, journey.provider, attempt,
                Instant.now().plus(Duration.ofDays(14))));
    }

    private void linkSupport(TestEvents journey, String organisation) {
        EventPublisher.publish(journey.envelope(journey.referralId,
                new ClientSupportChanged(journey.referralId, journey.pseudonym, organisation)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                        "select count(*) as n from client_support where referral_id = :id and organisation = :org")
                .bind("id", journey.referralId).bind("org", organisation)
                .map(row -> row.get("n", Long.class)).one().onErrorReturn(0L).block() == 1L);
    }

    private String notices(String token, String uri) {
        return api.json(api.get(token, uri)).get("items").findValuesAsString("notice").toString();
    }

    private long total(String token, String uri) {
        return api.json(api.get(token, uri)).get("total").asLong();
    }
}
