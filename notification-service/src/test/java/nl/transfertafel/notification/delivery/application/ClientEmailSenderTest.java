package nl.transfertafel.notification.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.transfertafel.notification.delivery.application.ClientContacts.ClientContact;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.DeliveryStatus;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTextsTest;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The client e-mail logic behind its two ports: intake's contact look-up and the SMTP transport. */
class ClientEmailSenderTest {

    /** Contacts as intake registered them; a referral id mapped to an exception fails the look-up. */
    static final class Contacts implements ClientContacts {
        final Map<String, ClientContact> known = new HashMap<>();
        final Map<String, RuntimeException> failing = new HashMap<>();

        @Override
        public Mono<Optional<ClientContact>> find(String referralId) {
            if (failing.containsKey(referralId)) {
                return Mono.error(failing.get(referralId));
            }
            return Mono.just(Optional.ofNullable(known.get(referralId)));
        }
    }

    static final class Outbox implements MailTransport {
        final List<OutgoingMail> sent = new ArrayList<>();
        RuntimeException failure;

        @Override
        public Mono<Void> send(OutgoingMail mail) {
            if (failure != null) {
                return Mono.error(failure);
            }
            sent.add(mail);
            return Mono.empty();
        }
    }

    private final Contacts contacts = new Contacts();
    private final Outbox mail = new Outbox();
    private final ClientEmailSender sender = new ClientEmailSender(contacts, questionId -> reactor.core.publisher.Mono.just(java.util.Optional.empty()), mail,
            NoticeTextsTest.shipped());

    @Test
    void the_client_gets_the_offer_in_the_language_registered_with_its_contact() {
        contacts.known.put("ref-1", new ClientContact("client@mail.example", null, Language.EN));

        SendOutcome outcome = sender.send(delivery("ref-1", Notice.CLIENT_OFFER)).block();

        assertThat(outcome).isEqualTo(new SendOutcome.Sent("client of referral ref-1"));
        assertThat(mail.sent).hasSize(1);
        OutgoingMail sent = mail.sent.get(0);
        assertThat(sent.to()).isEqualTo("client@mail.example");
        assertThat(sent.subject()).isEqualTo("You may be able to start sooner");
        assertThat(sent.headers()).containsEntry("Content-Language", "en");
        assertThat(sent.body()).doesNotContain("ref-1").doesNotContain("prop-1").doesNotContain("http");
    }

    @Test
    void dutch_is_the_default_language() {
        contacts.known.put("ref-2", new ClientContact("client@mail.example", "0612345678", Language.NL));
        sender.send(delivery("ref-2", Notice.CLIENT_TRANSFER_COMPLETED)).block();
        assertThat(mail.sent.get(0).subject()).isEqualTo("Uw overstap is geregeld");
        assertThat(mail.sent.get(0).body()).doesNotContain("0612345678");
    }

    @Test
    void a_referral_without_contact_or_without_an_e_mail_address_is_skipped_not_retried() {
        contacts.known.put("phone-only", new ClientContact(null, "0612345678", Language.NL));
        assertThat(sender.send(delivery("none", Notice.CLIENT_OFFER)).block())
                .isEqualTo(new SendOutcome.Skipped("client of referral none", "no contact registered for this referral"));
        assertThat(sender.send(delivery("phone-only", Notice.CLIENT_OFFER)).block())
                .isEqualTo(new SendOutcome.Skipped("client of referral phone-only", "no e-mail address registered"));
        assertThat(mail.sent).isEmpty();
    }

    @Test
    void a_failing_look_up_or_smtp_server_is_a_retryable_failure_that_names_no_address() {
        contacts.failing.put("down", new ClientEmailSender.ContactLookupException("HTTP 503"));
        assertThat(sender.send(delivery("down", Notice.CLIENT_OFFER)).block()).isEqualTo(new SendOutcome.Failed(
                "client of referral down", "contact look-up at intake-service failed (HTTP 503)"));

        contacts.known.put("ref-3", new ClientContact("secret.person@mail.example", null, Language.NL));
        mail.failure = new IllegalStateException("550 mailbox secret.person@mail.example unknown");
        SendOutcome failed = sender.send(delivery("ref-3", Notice.CLIENT_OFFER)).block();
        assertThat(failed).isInstanceOf(SendOutcome.Failed.class);
        assertThat(failed.toString()).doesNotContain("secret.person");
    }

    private static Delivery delivery(String referralId, Notice notice) {
        return new Delivery(UUID.randomUUID(), 1, UUID.randomUUID(), "TransferOffered", Instant.now(), "rotterdam",
                new Recipient.Client(referralId), Channel.CLIENT_EMAIL, notice, new Subject(SubjectKind.PROPOSAL, "prop-1"),
                null, DeliveryStatus.PENDING, 0);
    }
}
