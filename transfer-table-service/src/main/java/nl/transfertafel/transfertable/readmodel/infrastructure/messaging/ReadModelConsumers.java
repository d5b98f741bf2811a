package nl.transfertafel.transfertable.readmodel.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.platform.events.EventConsumers;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The read model's event consumers; bindings and groups are in transfer-table-service.yml. */
@Configuration(proxyBeanMethods = false)
class ReadModelConsumers {

    @Bean
    Consumer<Message<byte[]>> recordWaitingClient(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.consumer("transfer-table.record-waiting-client", projector::onReferralEvent);
    }

    @Bean
    Consumer<Message<byte[]>> recordWaitingEntry(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.consumer("transfer-table.record-waiting-entry", projector::onWaitingEvent);
    }

    @Bean
    Consumer<Message<byte[]>> recordCapacityLine(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.consumer("transfer-table.record-capacity-line", projector::onCapacityEvent);
    }
}
