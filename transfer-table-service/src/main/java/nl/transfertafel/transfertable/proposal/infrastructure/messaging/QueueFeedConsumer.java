package nl.transfertafel.transfertable.proposal.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.contracts.events.EventEnvelope;
import nl.transfertafel.contracts.events.EventJson;
import nl.transfertafel.transfertable.proposal.infrastructure.QueueEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;

/**
 * Feeds the live queue stream from topic transfer.events. Deliberately not an idempotent consumer:
 * it changes no state, and every instance must see every event (an anonymous consumer group, see
 * transfer-table-service.yml), so a notice may at worst be shown twice.
 */
@Configuration(proxyBeanMethods = false)
class QueueFeedConsumer {

    @Bean
    Consumer<Message<byte[]>> feedScreeningQueue(QueueEvents events) {
        return message -> {
            EventEnvelope envelope = EventJson.read(message.getPayload());
            JsonNode proposalId = envelope.payload() == null ? null : envelope.payload().get("proposalId");
            events.publish(new QueueEvents.QueueChange(envelope.region(), envelope.type(),
                    proposalId == null || proposalId.isNull() ? null : proposalId.asText(), envelope.aggregateId(),
                    envelope.occurredAt()));
        };
    }
}
