package nl.transfertafel.notification.inbox.infrastructure;

import java.time.Clock;
import nl.transfertafel.notification.inbox.application.InboxNotifier;
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
    InboxNotifier inboxNotifier(InboxRepository inbox) {
        return new InboxNotifier(inbox);
    }
}
