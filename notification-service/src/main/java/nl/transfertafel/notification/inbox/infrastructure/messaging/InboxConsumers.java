package nl.transfertafel.notification.inbox.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.notification.inbox.application.InboxNotifier;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Bindings and groups are in notification-service.yml. */
@Configuration(proxyBeanMethods = false)
class InboxConsumers {

    @Bean
    Consumer<Message<byte[]>> notifyReferralRegistered(EventConsumers consumers, InboxNotifier notifier) {
        return consumers.consumer("notification.notify-referral-registered", notifier::onReferralEvent);
    }
}
