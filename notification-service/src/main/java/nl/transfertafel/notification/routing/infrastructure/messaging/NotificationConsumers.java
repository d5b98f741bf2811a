package nl.transfertafel.notification.routing.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.notification.routing.application.NotificationRouter;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One idempotent consumer per topic, each routing events to notifications. Bindings and the
 * consumer group are in notification-service.yml.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConsumers {

    @Bean
    Consumer<Message<byte[]>> notifyOfReferralEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.consumer("notification.notify-of-referral-events", router::route);
    }

    @Bean
    Consumer<Message<byte[]>> notifyOfWaitingEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.consumer("notification.notify-of-waiting-events", router::route);
    }

    @Bean
    Consumer<Message<byte[]>> notifyOfCapacityEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.consumer("notification.notify-of-capacity-events", router::route);
    }

    @Bean
    Consumer<Message<byte[]>> notifyOfTransferEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.consumer("notification.notify-of-transfer-events", router::route);
    }
}
