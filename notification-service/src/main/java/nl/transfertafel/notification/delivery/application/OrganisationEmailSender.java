package nl.transfertafel.notification.delivery.application;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.delivery.domain.ThinNotification;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.subscription.infrastructure.SubscriptionRepository;
import reactor.core.publisher.Mono;

/** A thin e-mail (Dutch, then English) to the functional mailbox an organisation registered. */
public class OrganisationEmailSender implements ChannelSender {

    private final SubscriptionRepository subscriptions;
    private final MailTransport mail;
    private final NoticeTexts texts;

    public OrganisationEmailSender(SubscriptionRepository subscriptions, MailTransport mail, NoticeTexts texts) {
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Mono<SendOutcome> send(Delivery delivery) {
        ThinNotification notification = delivery.notification();
        return subscriptions.mailbox(delivery.recipient().key())
                .flatMap(address -> {
                    Map<Language, NoticeTexts.Text> all = notification.texts(texts);
                    NoticeTexts.Text nl = all.get(Language.NL);
                    NoticeTexts.Text en = all.get(Language.EN);
                    String subject = "[Transfertafel] " + nl.title() + " / " + en.title();
                    String body = nl.body() + "\n\n-- English --\n\n" + en.body() + "\n\n"
                            + "Event " + notification.eventType() + " " + notification.eventId() + "\n";
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("X-Transfertafel-Delivery-Id", delivery.id().toString());
                    headers.put("X-Transfertafel-Event-Id", delivery.eventId().toString());
                    headers.put("X-Transfertafel-Event-Type", delivery.eventType());
                    return mail.send(new OutgoingMail(address, subject, body, headers))
                            .thenReturn((SendOutcome) new SendOutcome.Sent("mailbox " + address))
                            .onErrorResume(error -> Mono.just(new SendOutcome.Failed("mailbox " + address,
                                    "sending the e-mail failed (" + error.getClass().getSimpleName() + ")")));
                })
                .switchIfEmpty(Mono.just(new SendOutcome.Skipped("mailbox", "no mailbox registered")));
    }
}
