package nl.transfertafel.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

@NotificationIntegrationTest
class EmailDeliveryIT {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(web);
    }

    @Test
    void an_organisation_gets_a_thin_bilingual_mail_in_its_functional_mailbox() throws Exception {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String mailbox = "aanmeldingen-" + journey.gp + "@praktijk.example";
        String gp = Api.token("GP", journey.gp, DemoUsers.REGION);
        api.mailbox(gp, mailbox, "TransferCompleted");

        EventEnvelope completed = journey.transferCompleted();
        EventPublisher.publish(completed);

        MimeMessage mail = awaitMail(mailbox);
        assertThat(mail.getSubject()).isEqualTo("[Transfertafel] Transfer afgerond / Transfer completed");
        String body = mail.getContent().toString();
        assertThat(body).contains("voorstel " + journey.proposalId).contains("proposal " + journey.proposalId)
                .contains("/api/v1/offers/" + journey.proposalId);
        assertThat(mail.getHeader("X-Transfertafel-Event-Id")).containsExactly(completed.eventId().toString());
        assertThat(body).doesNotContain(journey.pseudonym).doesNotContain("intake desk");

        JsonNode log = api.json(api.get(gp, "/api/v1/deliveries"));
        assertThat(log.get("items").findValuesAsString("channel")).contains("EMAIL", "INBOX");
    }

    @Test
    void the_client_gets_a_mail_in_its_own_language_and_its_address_is_never_stored() throws Exception {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        String address = "client-" + journey.referralId.substring(0, 8) + "@mail.example";
        ContactDesk.shared().register(journey.referralId, address, "0612345678", "en");

        EventPublisher.publish(journey.transferOffered());

        MimeMessage mail = awaitMail(address);
        assertThat(mail.getSubject()).isEqualTo("You may be able to start sooner");
        assertThat(mail.getHeader("Content-Language")).containsExactly("en");
        String body = mail.getContent().toString();
        assertThat(body).contains("The choice is yours").doesNotContain("http").doesNotContain(journey.referralId)
                .doesNotContain(address).doesNotContain("0612345678");

        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        JsonNode log = api.json(api.get(admin, "/api/v1/deliveries?organisation=client:" + journey.referralId));
        assertThat(log.get("items")).hasSize(1);
        JsonNode entry = log.get("items").get(0);
        assertThat(entry.get("channel").asText()).isEqualTo("CLIENT_EMAIL");
        assertThat(entry.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(entry.get("target").asText()).isEqualTo("client of referral " + journey.referralId);
        assertThat(entry.toString()).doesNotContain(address);
    }

    @Test
    void a_client_without_a_registered_contact_is_skipped_not_retried() {
        TestEvents journey = TestEvents.freshJourney(DemoUsers.REGION);
        EventPublisher.publish(journey.transferCompleted());

        String admin = Api.token("ADMIN", "TRANSFERTAFEL", DemoUsers.REGION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode log = api.json(api.get(admin, "/api/v1/deliveries?organisation=client:" + journey.referralId));
            assertThat(log.get("items")).hasSize(1);
            assertThat(log.get("items").get(0).get("status").asText()).isEqualTo("SKIPPED");
            assertThat(log.get("items").get(0).get("attempts").asInt()).isEqualTo(1);
            assertThat(log.get("items").get(0).get("lastError").asText()).isEqualTo("no contact registered for this referral");
        });
    }

    static MimeMessage awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address), list -> list.size() == 1).get(0);
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(NotificationWiring.mail().getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(to -> to.toString().equals(address));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
