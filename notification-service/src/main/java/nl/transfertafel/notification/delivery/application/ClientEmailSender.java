package nl.transfertafel.notification.delivery.application;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Recipient;
import reactor.core.publisher.Mono;

/**
 * Tells the client, in the client's language, that a transfer was offered or completed (criterion d:
 * a transfer informs the client). The address comes from intake-service at send time and is used
 * for this one message only: the delivery log names the recipient "client of referral ...", and
 * errors are reduced to their kind so that no address ends up in a log or a table.
 */
public class ClientEmailSender implements ChannelSender {

    private final ClientContacts contacts;
    private final MailTransport mail;
    private final NoticeTexts texts;

    public ClientEmailSender(ClientContacts contacts, MailTransport mail, NoticeTexts texts) {
        this.contacts = contacts;
        this.mail = mail;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.CLIENT_EMAIL;
    }

    @Override
    public Mono<SendOutcome> send(Delivery delivery) {
        if (!(delivery.recipient() instanceof Recipient.Client client)) {
            return Mono.just(new SendOutcome.Skipped(delivery.recipient().key(), "not a client recipient"));
        }
        String target = client.description();
        return contacts.find(client.referralId())
                .onErrorMap(error -> new LookupFailed(error))
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        return Mono.<SendOutcome>just(new SendOutcome.Skipped(target, "no contact registered for this referral"));
                    }
                    ClientContacts.ClientContact contact = found.get();
                    if (contact.email() == null || contact.email().isBlank()) {
                        return Mono.<SendOutcome>just(new SendOutcome.Skipped(target, "no e-mail address registered"));
                    }
                    Language language = contact.language() == null ? Language.NL : contact.language();
                    NoticeTexts.Text text = texts.render(delivery.notice(), language,
                            delivery.notification().templateValues());
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("X-Transfertafel-Delivery-Id", delivery.id().toString());
                    headers.put("Content-Language", language.code());
                    return mail.send(new OutgoingMail(contact.email(), text.title(), text.body() + "\n", headers))
                            .thenReturn((SendOutcome) new SendOutcome.Sent(target))
                            .onErrorResume(error -> Mono.just(new SendOutcome.Failed(target,
                                    "sending the e-mail failed (" + error.getClass().getSimpleName() + ")")));
                })
                .onErrorResume(LookupFailed.class, error -> Mono.just(new SendOutcome.Failed(target,
                        "contact look-up at intake-service failed (" + error.kind + ")")));
    }

    /** A failed look-up, reduced to the kind of failure (status code or exception type). */
    private static final class LookupFailed extends RuntimeException {
        private final String kind;

        LookupFailed(Throwable cause) {
            super(null, null, false, false);
            this.kind = cause instanceof ContactLookupException lookup ? lookup.kind() : cause.getClass().getSimpleName();
        }
    }

    /** What a {@link ClientContacts} adapter signals for an answer other than 200 or 404. */
    public static class ContactLookupException extends RuntimeException {
        private final String kind;

        public ContactLookupException(String kind) {
            super("contact look-up failed: " + kind);
            this.kind = kind;
        }

        public String kind() {
            return kind;
        }
    }
}
