package nl.transfertafel.notification.routing.infrastructure.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.transfertafel.notification.routing.application.NotificationRouter;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * One idempotent consumer per topic, each routing events to notifications. Bindings and the
 * consumer group are in notification-service.yml; every binding is in batch mode: one poll's events
 * are routed in one transaction ({@link EventConsumers#batchConsumer}, docs/adr/1170), so their
 * deliveries also wake the dispatcher once.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> notifyOfReferralEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.batchConsumer("notification.notify-of-referral-events", router::route);
    }

    @Bean
    Consumer<Message<List<byte[]>>> notifyOfWaitingEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.batchConsumer("notification.notify-of-waiting-events", router::route);
    }

    @Bean
    Consumer<Message<List<byte[]>>> notifyOfCapacityEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.batchConsumer("notification.notify-of-capacity-events", router::route);
    }

    @Bean
    Consumer<Message<List<byte[]>>> notifyOfTransferEvents(EventConsumers consumers, NotificationRouter router) {
        return consumers.batchConsumer("notification.notify-of-transfer-events", router::route);
    }
}
