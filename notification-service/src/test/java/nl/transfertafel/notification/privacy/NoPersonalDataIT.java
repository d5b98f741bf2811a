package nl.transfertafel.notification.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.notification.NotificationIntegrationTest;
import nl.transfertafel.notification.NotificationWiring;
import nl.transfertafel.notification.testing.Api;
import nl.transfertafel.notification.testing.ContactDesk;
import nl.transfertafel.notification.testing.EventPublisher;
import nl.transfertafel.notification.testing.TestEvents;
import nl.transfertafel.notification.testing.TestReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Privacy (rule 2, criterion c): whatever the service sends or shows carries no personal data.
 * Two test clients go through every notified event; then every webhook body and header, every
 * e-mail (all of it but the client's own To: header), every inbox item, the delivery log and the
 * service's own tables are scanned for their BSNs, names, postcodes, birth dates, phone numbers,
 * e-mail addresses and pseudonyms.
 */
@NotificationIntegrationTest
class NoPersonalDataIT {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    record TestClient(String bsn, String name, String postcode, String birthDate, String phone, String email,
            TestEvents journey) {

        List<String> personalData() {
            return List.of(bsn, name, name.split(" ")[0], name.split(" ")[name.split(" ").length - 1], postcode,
                    postcode.replace(" ", ""), birthDate, phone, email, journey.pseudonym);
        }
    }

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        NotificationWiring.register(registry);
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;

    @Test
    void nothing_sent_or_shown_contains_a_clients_bsn_name_postcode_or_contact_details() throws Exception {
        Api api = new Api(web);
        String gpAgb = TestEvents.agb();
        String providerAgb = TestEvents.agb();
        String receivingAgb = TestEvents.agb();
        String insurerUzovi = TestEvents.uzovi();
        String region = "haaglanden";
        List<TestClient> clients = List.of(
                new TestClient("111222333", "Johanna de Vries-Bakker", "2511 CV", "1987-03-14", "0612345678",
                        "johanna.devries@mail.example", new TestEvents(region, gpAgb, providerAgb, receivingAgb, insurerUzovi)),
                new TestClient("123456782", "Mohammed El Amrani", "2525 KL", "2001-11-30", "+31698765432",
                        "m.elamrani@mail.example", new TestEvents(region, gpAgb, providerAgb, receivingAgb, insurerUzovi)));

        String gp = Api.token("GP", gpAgb, region);
        String provider = Api.token("PROVIDER", providerAgb, region);
        String receiving = Api.token("PROVIDER", receivingAgb, region);
        String insurer = Api.token("INSURER", insurerUzovi, region);
        String coordinator = Api.token("COORDINATOR", TestEvents.agb(), region);
        String admin = Api.token("ADMIN", "TRANSFERTAFEL", region);
        String gpMailbox = "poh-" + gpAgb + "@praktijk.example";
        String insurerMailbox = "zorgbemiddeling-" + insurerUzovi + "@verzekeraar.example";

        List<String> sent = new ArrayList<>();
        try (TestReceiver gpHook = new TestReceiver(SECRET); TestReceiver providerHook = new TestReceiver(SECRET);
                TestReceiver receivingHook = new TestReceiver(SECRET)) {
            String[] organisationTypes = {"ReferralReceived", "TreeknormSignalled", "WaitingEntryChanged",
                    "TransferProposed", "TransferOffered", "TransferCompleted", "TransferBlocked", "EscalationOpened"};
            api.webhook(gp, gpHook.url(), SECRET, organisationTypes);
            api.put(gp, "/api/v1/subscriptions/mailbox", "{\"address\":\"" + gpMailbox + "\"}").expectStatus().isOk();
            api.subscribe(gp, "[\"INBOX\",\"WEBHOOK\",\"EMAIL\"]", organisationTypes);
            api.webhook(provider, providerHook.url(), SECRET, organisationTypes);
            api.webhook(receiving, receivingHook.url(), SECRET, organisationTypes);
            api.mailbox(insurer, insurerMailbox, "TransferBlocked", "EscalationOpened");

            List<EventEnvelope> events = new ArrayList<>();
            for (TestClient client : clients) {
                ContactDesk.shared().register(client.journey().referralId, client.email(), client.phone(), "nl");
                TestEvents j = client.journey();
                events.addAll(List.of(j.referralReceived(), j.treeknormBreached(), j.intakeRecorded(),
                        j.transferProposed(), j.screeningOverdue(), j.transferOffered(), j.transferBlocked(),
                        j.escalationOpened(), j.transferCompleted(), j.restrictionChanged()));
            }
            events.forEach(EventPublisher::publish);

            // every delivery for these events has run its course
            await().atMost(Duration.ofSeconds(60)).until(() -> settled(events));
            assertThat(count("select count(*) as n from delivery where event_id = any(:ids) and status <> 'DELIVERED'",
                    events)).isZero();
            assertThat(gpHook.accepted()).hasSize(2 * 7); // all but TransferBlocked concern the GP
            assertThat(gpHook.rejected()).isEmpty();

            for (TestReceiver hook : List.of(gpHook, providerHook, receivingHook)) {
                hook.accepted().forEach(r -> sent.add("webhook " + r.deliveryId() + " " + r.eventType() + " "
                        + r.signature() + " " + r.body()));
            }
        }
        List<MimeMessage> mails = new ArrayList<>();
        Collections.addAll(mails, NotificationWiring.mail().getReceivedMessages());
        int mailsForThisTest = 0;
        for (MimeMessage mail : mails) {
            String to = mail.getRecipients(Message.RecipientType.TO)[0].toString();
            TestClient client = clients.stream().filter(c -> c.email().equals(to)).findFirst().orElse(null);
            boolean ours = client != null || to.equals(gpMailbox) || to.equals(insurerMailbox);
            if (!ours) {
                continue;
            }
            mailsForThisTest++;
            StringBuilder text = new StringBuilder("mail " + mail.getSubject() + " " + mail.getContent());
            for (Header header : Collections.list(mail.getAllHeaders())) {
                if (!header.getName().equalsIgnoreCase("To")) {
                    text.append(' ').append(header.getName()).append(": ").append(header.getValue());
                }
            }
            sent.add(text.toString());
        }
        // GP: 7 events x 2 clients; insurer: blocked + escalation x 2; each client: offer + completion
        assertThat(mailsForThisTest).isEqualTo(14 + 4 + 4);

        for (String token : List.of(gp, provider, receiving, insurer, coordinator)) {
            sent.add("inbox " + new String(web.get().uri("/api/v1/inbox?size=200").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()));
            sent.add("log " + new String(web.get().uri("/api/v1/deliveries?size=500").headers(h -> h.setBearerAuth(token))
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody()));
        }
        for (TestClient client : clients) {
            sent.add("client log " + new String(web.get()
                    .uri("/api/v1/deliveries?organisation=client:" + client.journey().referralId)
                    .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk().expectBody()
                    .returnResult().getResponseBody()));
        }
        sent.add("tables " + db.sql("select d::text as row from delivery d").map(row -> row.get("row", String.class))
                .all().collectList().block());
        sent.add("tables " + db.sql("select i::text as row from inbox_notification i")
                .map(row -> row.get("row", String.class)).all().collectList().block());

        assertThat(String.join("\n", sent)).contains(clients.get(0).journey().proposalId); // the scan sees real content
        for (String item : sent) {
            for (TestClient client : clients) {
                for (String personal : client.personalData()) {
                    assertThat(item).as("personal data in: %s", item.substring(0, Math.min(120, item.length())))
                            .doesNotContainIgnoringCase(personal);
                }
            }
        }
    }

    private boolean settled(List<EventEnvelope> events) {
        long expected = count("select count(*) as n from processed_event where event_id = any(:ids)", events);
        long open = count("select count(*) as n from delivery where event_id = any(:ids) and status = 'PENDING'", events);
        return expected == events.size() && open == 0;
    }

    private long count(String sql, List<EventEnvelope> events) {
        return db.sql(sql).bind("ids", events.stream().map(EventEnvelope::eventId).toArray(java.util.UUID[]::new))
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
