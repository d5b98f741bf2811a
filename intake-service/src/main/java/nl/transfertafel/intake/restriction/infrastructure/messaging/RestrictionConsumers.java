package nl.transfertafel.intake.restriction.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.intake.restriction.application.RestrictionProjector;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding and group are in intake-service.yml. */
@Configuration(proxyBeanMethods = false)
class RestrictionConsumers {

    @Bean
    Consumer<Message<byte[]>> recordRegistrationRestriction(EventConsumers consumers, RestrictionProjector projector) {
        return consumers.consumer("intake.record-registration-restriction", projector::onCapacityEvent);
    }
}
