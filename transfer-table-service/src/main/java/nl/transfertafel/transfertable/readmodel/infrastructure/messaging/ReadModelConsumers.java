package nl.transfertafel.transfertable.readmodel.infrastructure.messaging;

import java.util.List;
import java.util.function.Consumer;
import nl.transfertafel.platform.events.EventConsumers;
import nl.transfertafel.transfertable.readmodel.application.ReadModelProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The read model's event consumers; bindings and groups are in transfer-table-service.yml. The two
 * intake consumers apply each poll's records in one transaction (EventConsumers.batchConsumer, ADR 1170): the read model fell
 * minutes behind intake with one transaction per event (docs/bench/cpu-per-referral-2026-12-06).
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> recordWaitingClient(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.batchConsumer("transfer-table.record-waiting-client", projector::onReferralEvent);
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordWaitingEntry(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.batchConsumer("transfer-table.record-waiting-entry", projector::onWaitingEvent);
    }

    /** One event per transaction: see the binding in transfer-table-service.yml. */
    @Bean
    Consumer<Message<byte[]>> recordCapacityLine(EventConsumers consumers, ReadModelProjector projector) {
        return consumers.consumer("transfer-table.record-capacity-line", projector::onCapacityEvent);
    }
}
