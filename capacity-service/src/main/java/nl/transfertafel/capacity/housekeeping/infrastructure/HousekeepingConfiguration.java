package nl.transfertafel.capacity.housekeeping.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import nl.transfertafel.capacity.common.infrastructure.CapacityProperties;
import nl.transfertafel.platform.jobs.PeriodicJob;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Schedules the housekeeping with the platform's one job mechanism. */
@Configuration(proxyBeanMethods = false)
class HousekeepingConfiguration {

    @Bean
    PeriodicJob capacityHousekeepingJob(Housekeeping housekeeping, CapacityProperties properties, MeterRegistry meters) {
        return new PeriodicJob("capacity-housekeeping", properties.housekeepingInterval(), housekeeping::runOnce, meters);
    }
}
