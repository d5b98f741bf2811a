package nl.transfertafel.intake.restriction.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.intake.restriction.application.RestrictionProjector;
import nl.transfertafel.intake.waitinglist.application.TreatmentsMustMove;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding and group are in intake-service.yml. The one consumer of {@code capacity.events} in this service: it
 * keeps the stops and pauses, and hands a provider's closure to the waiting list (clients whose treatment must
 * move, ADR 1431). One binding, not two: two bindings of one group on one topic would split its partitions.
 */
@Configuration(proxyBeanMethods = false)
class RestrictionConsumers {

    @Bean
    Consumer<Message<byte[]>> recordRegistrationRestriction(EventConsumers consumers, RestrictionProjector projector,
            TreatmentsMustMove treatmentsMustMove) {
        return consumers.consumer("intake.record-registration-restriction",
                event -> projector.onCapacityEvent(event).then(treatmentsMustMove.onCapacityEvent(event)));
    }
}
