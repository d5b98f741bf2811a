package nl.transfertafel.notification.inbox.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.transfertafel.notification.delivery.application.ChannelSender;
import nl.transfertafel.notification.delivery.application.Page;
import nl.transfertafel.notification.delivery.domain.Delivery;
import nl.transfertafel.notification.delivery.domain.Language;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.delivery.domain.SendOutcome;
import nl.transfertafel.notification.delivery.domain.ThinNotification;
import nl.transfertafel.notification.inbox.infrastructure.InboxRepository;
import nl.transfertafel.notification.routing.domain.Channel;
import nl.transfertafel.notification.routing.domain.Notice;
import nl.transfertafel.notification.routing.domain.Recipient;
import nl.transfertafel.notification.routing.domain.Subject;
import nl.transfertafel.notification.routing.domain.SubjectKind;
import nl.transfertafel.platform.refusal.Refused;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The in-app inbox channel (delivering = storing the row) and its reading side (list, mark read, live). */
public class InboxService implements ChannelSender {

    private final InboxRepository inbox;
    private final InboxStream stream;
    private final NoticeTexts texts;

    public InboxService(InboxRepository inbox, InboxStream stream, NoticeTexts texts) {
        this.inbox = inbox;
        this.stream = stream;
        this.texts = texts;
    }

    @Override
    public Channel channel() {
        return Channel.INBOX;
    }

    @Override
    public Mono<SendOutcome> send(Delivery delivery) {
        return inbox.add(delivery).thenReturn(new SendOutcome.Sent("inbox"));
    }

    /**
     * A notification was committed (by this instance or another: the announcement comes through
     * PostgreSQL, see {@code InboxAnnouncements}); the live streams of this instance get it.
     */
    public Mono<Void> announced(UUID id) {
        return inbox.find(id).map(this::item).doOnNext(stream::publish).then();
    }

    public Mono<Page<InboxItem>> page(Recipient recipient, String userId, boolean unreadOnly, int page, int size) {
        return Mono.zip(inbox.page(recipient.key(), userId, unreadOnly, Page.offset(page, size), size).map(this::item).collectList(),
                        inbox.count(recipient.key(), userId, unreadOnly))
                .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
    }

    public Mono<InboxItem> markRead(Recipient recipient, String userId, UUID id) {
        return inbox.find(id, recipient.key(), userId)
                .switchIfEmpty(Mono.error(Refused.notFound("inbox notification " + id)))
                .flatMap(found -> inbox.markRead(id, userId))
                .then(inbox.find(id, recipient.key(), userId))
                .map(this::item);
    }

    public Flux<InboxItem> live(Recipient recipient) {
        return stream.of(recipient.key());
    }

    private InboxItem item(InboxRepository.Row row) {
        ThinNotification n = new ThinNotification(row.id(), row.eventId(), row.eventType(), row.occurredAt(),
                row.region(), row.recipient(), Notice.valueOf(row.notice()),
                new Subject(SubjectKind.valueOf(row.subjectKind()), row.subjectId()), row.link());
        return new InboxItem(row.id(), row.eventId(), row.eventType(), row.notice(), row.recipient(), row.region(),
                new InboxItem.Subject(row.subjectKind(), row.subjectId()), row.link(), row.occurredAt(),
                row.createdAt(), row.readAt(), localized(n));
    }

    private Map<String, NoticeTexts.Text> localized(ThinNotification n) {
        Map<String, NoticeTexts.Text> out = new LinkedHashMap<>();
        n.texts(texts).forEach((Language language, NoticeTexts.Text text) -> out.put(language.code(), text));
        return out;
    }
}
