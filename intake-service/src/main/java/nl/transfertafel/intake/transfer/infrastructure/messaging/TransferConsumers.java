package nl.transfertafel.intake.transfer.infrastructure.messaging;

import java.util.function.Consumer;
import nl.transfertafel.intake.transfer.application.TransferFollower;
import nl.transfertafel.platform.events.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding and group are in intake-service.yml. */
@Configuration(proxyBeanMethods = false)
class TransferConsumers {

    @Bean
    Consumer<Message<byte[]>> followTransfer(EventConsumers consumers, TransferFollower follower) {
        return consumers.consumer("intake.follow-transfer", follower::onTransferEvent);
    }
}
