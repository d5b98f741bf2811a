package nl.transfertafel.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.events.transfer.TransferOffered;
import nl.transfertafel.platform.events.KafkaPublisher;
import nl.transfertafel.testkit.security.DemoUser;
import nl.transfertafel.testkit.security.DemoUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end across intake-service and notification-service on the real engines: a GP refers a
 * client with an e-mail address; when the transfer table offers the client a transfer, the client
 * gets a thin e-mail in its own language through the SMTP sink. notification-service reads the
 * address from intake's {@code GET /api/v1/internal/referrals/{id}/contact} at send time.
 *
 * <p>The test plays the transfer table by publishing {@code TransferOffered} on its topic (what
 * the table's outbox relay does), so it needs no proposal and screening flow. It runs once
 * intake-service serves the contact endpoint (the intake branch, issue 1); until then it is
 * skipped by an assumption that names the missing endpoint.
 */
class ClientNotificationIT {

    private static final String CONTACT_PATH = "/api/v1/internal/referrals/{referralId}/contact";
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.randomPorts(false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_client_with_an_e_mail_address_hears_of_the_offer_in_its_own_language() throws Exception {
        String intakeApi = get(ServiceKind.INTAKE, "/v3/api-docs", null).body();
        assumeTrue(intakeApi.contains(CONTACT_PATH),
                "intake-service does not serve GET " + CONTACT_PATH + " yet (intake branch not merged)");

        String email = "client-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
        // the contact fields as the referral API takes them (top level; a field it does not have is refused)
        HttpResponse<String> created = post(ServiceKind.INTAKE, "/api/v1/referrals", DemoUsers.GP, """
                {"bsn":"111222333","dateOfBirth":"1990-04-01","postcode":"3011 AB","insurerUzovi":"3311",
                 "diagnosisGroup":"DEPRESSION","careLevel":"SPECIALIST","urgency":"REGULAR","maxTravelKm":25,
                 "eHealthAcceptable":true,"screeningConsent":true,
                 "name":"Johanna de Vries","email":"%s","phone":"0612345678","language":"en"}"""
                .formatted(email));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String referralId = EventJson.mapper().readTree(created.body()).get("referralId").asText();

        String proposalId = UUID.randomUUID().toString();
        TransferOffered offered = new TransferOffered(proposalId, referralId, "pseudonym-not-checked", "line-1", "res-1",
                DemoUsers.OTHER_PROVIDER_AGB, DemoUsers.PROVIDER_AGB, DemoUsers.GP_PRACTICE_AGB,
                Instant.now().plus(Duration.ofDays(3)));
        try (KafkaPublisher publisher = new KafkaPublisher(stack.kafkaBootstrap(), 3, (short) 1)) {
            publisher.send(Topics.TRANSFER_EVENTS, DemoUsers.REGION, "TransferOffered", EventJson.write(EventJson.envelop(
                    new NewEvent(UUID.randomUUID(), Instant.now(), DemoUsers.REGION, proposalId, offered),
                    UUID.randomUUID())));
        }

        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email), list -> !list.isEmpty())
                .get(0);
        assertThat(mail.getSubject()).isEqualTo("You may be able to start sooner");
        String content = mail.getSubject() + " " + mail.getContent();
        for (String personal : List.of("111222333", "1990-04-01", "3011 AB", "3011AB", "Johanna", "Vries",
                "0612345678", email, referralId)) {
            assertThat(content).doesNotContain(personal);
        }
        // the GP's and the receiving provider's inboxes have it too
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get(ServiceKind.NOTIFICATION, "/api/v1/inbox", DemoUsers.GP).body()).contains(proposalId);
        });
    }

    private static List<MimeMessage> mailsTo(String address) {
        return SinkMails.to(stack.mailSink(), address);
    }

    private static HttpResponse<String> get(ServiceKind kind, String path, DemoUser user) {
        return StackHttp.get(stack.url(kind) + path, user == null ? null : stack.tokenFor(user));
    }

    private static HttpResponse<String> post(ServiceKind kind, String path, DemoUser user, String body) {
        return StackHttp.post(stack.url(kind) + path, stack.tokenFor(user), body,
                "Idempotency-Key", UUID.randomUUID().toString());
    }
}
