package nl.transfertafel.notification.inbox.infrastructure;

import java.time.Clock;
import nl.transfertafel.notification.delivery.domain.NoticeTexts;
import nl.transfertafel.notification.inbox.application.InboxService;
import nl.transfertafel.notification.inbox.application.InboxStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    InboxRepository inboxRepository(DatabaseClient db, Clock clock) {
        return new InboxRepository(db, clock);
    }

    @Bean
    InboxStream inboxStream() {
        return new InboxStream();
    }

    @Bean
    InboxAnnouncements inboxAnnouncements(io.r2dbc.spi.ConnectionFactory connections, InboxService inbox) {
        return new InboxAnnouncements(connections, inbox);
    }

    @Bean
    InboxService inboxService(InboxRepository inbox, InboxStream stream, NoticeTexts texts) {
        return new InboxService(inbox, stream, texts);
    }
}
