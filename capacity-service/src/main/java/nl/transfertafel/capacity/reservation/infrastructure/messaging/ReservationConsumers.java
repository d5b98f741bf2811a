package nl.transfertafel.capacity.reservation.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.capacity.reservation.application.TransferOutcomes;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The consumer of transfer.events; binding and group are in capacity-service.yml. */
@Configuration(proxyBeanMethods = false)
class ReservationConsumers {

    /** Releases or confirms the place a transfer had reserved, when the transfer ends or completes. */
    @Bean
    Consumer<Message<byte[]>> settleReservations(EventConsumers consumers, TransferOutcomes outcomes) {
        return consumers.consumer("capacity.settle-reservation", outcomes::onTransferEvent);
    }
}
