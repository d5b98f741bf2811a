package nl.transfertafel.capacity.reservation.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.transfertafel.capacity.announcement.infrastructure.CapacityLineRepository;
import nl.transfertafel.capacity.common.infrastructure.CapacityProperties;
import nl.transfertafel.capacity.reservation.application.ReservationService;
import nl.transfertafel.capacity.reservation.application.TransferOutcomes;
import nl.transfertafel.platform.events.Outbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
class ReservationConfiguration {

    @Bean
    ReservationRepository reservationRepository(DatabaseClient db, Clock clock) {
        return new ReservationRepository(db, clock);
    }

    @Bean
    ReservationService reservationService(CapacityLineRepository lines, ReservationRepository reservations, Outbox outbox,
            TransactionalOperator tx, Clock clock, CapacityProperties properties, MeterRegistry meters) {
        return new ReservationService(lines, reservations, outbox, tx, clock, properties.reservationHold(), meters);
    }

    @Bean
    TransferOutcomes transferOutcomes(ReservationService reservations, Clock clock, MeterRegistry meters) {
        return new TransferOutcomes(reservations, clock, meters);
    }
}
