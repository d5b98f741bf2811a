package nl.transfertafel.notification.delivery.application;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import reactor.core.publisher.Mono;

/**
 * Tells the client, in the client's language, that a transfer was offered or completed (criterion d:
 * a transfer informs the client), and asks a waiting client "still waiting?" with a single-use answer
 * link that intake-service mints at send time (issue 15 item 1). The address comes from intake-service at send time and is used
 * for this one message only: the delivery log names the recipient "client of referral ...", and
 * errors are reduced to their kind so that no address ends up in a log or a table.
 */
public class ClientEmailSender implements ChannelSender {

    /** The notices whose e-mail carries the client's single-use answer link (in place of {link}). */
    private static final Set<Notice> WITH_ANSWER_LINK = EnumSet.of(Notice.CLIENT_VALIDATION_QUESTION,
            Notice.CLIENT_VALIDATION_REMINDER);

    private final ClientContacts contacts;
    private final AnswerLinks answerLinks;
    private final MailTransport mail;
    private final NoticeTexts texts;

    public ClientEmailSender(ClientContacts contacts, AnswerLinks answerLinks, MailTransport mail, NoticeTexts texts) {
        this.contacts = contacts;
        this.answerLinks = answerLinks;
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
                    Map<String, String> values = delivery.notification().templateValues();
                    if (!WITH_ANSWER_LINK.contains(delivery.notice())) {
                        return send(delivery, target, contact.email(), language, values);
                    }
                    // the link is minted now, for this message only (a retry mints a new one, replacing it)
                    return answerLinks.mint(delivery.subject().id())
                            .onErrorMap(error -> new LookupFailed(error))
                            .flatMap(link -> {
                                if (link.isEmpty()) {
                                    return Mono.<SendOutcome>just(new SendOutcome.Skipped(target,
                                            "the question is answered or its answer period is over"));
                                }
                                Map<String, String> withLink = new LinkedHashMap<>(values);
                                withLink.put("link", link.get());
                                return send(delivery, target, contact.email(), language, withLink);
                            });
                })
                .onErrorResume(LookupFailed.class, error -> Mono.just(new SendOutcome.Failed(target,
                        "contact look-up at intake-service failed (" + error.kind + ")")));
    }

    private Mono<SendOutcome> send(Delivery delivery, String target, String email, Language language,
            Map<String, String> values) {
        NoticeTexts.Text text = texts.render(delivery.notice(), language, values);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Transfertafel-Delivery-Id", delivery.id().toString());
        headers.put("Content-Language", language.code());
        return mail.send(new OutgoingMail(email, text.title(), text.body() + "\n", headers))
                .thenReturn((SendOutcome) new SendOutcome.Sent(target))
                .onErrorResume(error -> Mono.just(new SendOutcome.Failed(target,
                        "sending the e-mail failed (" + error.getClass().getSimpleName() + ")")));
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
