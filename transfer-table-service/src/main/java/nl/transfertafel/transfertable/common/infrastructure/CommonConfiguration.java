package nl.transfertafel.transfertable.common.infrastructure;

import java.time.Duration;
import nl.transfertafel.transfertable.common.application.TransferTableSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What every feature of the transfer table shares: its settings (the {@code transfertafel.transfer-table.*}
 * properties, defaults in transfer-table-service.yml) and the job lease. Each feature wires its own beans in
 * its own {@code infrastructure} configuration; this one knows no feature (issue 16, ADR 0720).
 */
@Configuration(proxyBeanMethods = false)
public class CommonConfiguration {

    @Bean
    TransferTableSettings transferTableSettings(
            @Value("${transfertafel.transfer-table.offer-ttl}") Duration offerTtl,
            @Value("${transfertafel.transfer-table.refusal-cooldown}") Duration refusalCooldown,
            @Value("${transfertafel.transfer-table.screening-overdue-after}") Duration screeningOverdueAfter,
            @Value("${transfertafel.transfer-table.escalation.no-capacity-after}") Duration noCapacityAfter,
            @Value("${transfertafel.transfer-table.escalation.urgent-after}") Duration urgentAfter,
            @Value("${transfertafel.transfer-table.default-max-travel-km}") int defaultMaxTravelKm) {
        return new TransferTableSettings(offerTtl, refusalCooldown, screeningOverdueAfter, noCapacityAfter, urgentAfter,
                defaultMaxTravelKm);
    }

    @Bean
    JobLeases jobLeases(DatabaseClient db) {
        return new JobLeases(db);
    }
}
