package nl.transfertafel.notification.inbox.application;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live feed of new inbox notifications in this instance (for Server-Sent Events). Items are
 * published after their delivery committed. A subscriber that is too slow misses live items, not
 * stored ones: the list endpoint always has everything.
 */
public class InboxStream {

    private final Sinks.Many<InboxItem> sink = Sinks.many().multicast().directBestEffort();

    public void publish(InboxItem item) {
        sink.emitNext(item, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
    }

    public Flux<InboxItem> of(String recipient) {
        return sink.asFlux().filter(item -> item.organisation().equals(recipient));
    }
}
