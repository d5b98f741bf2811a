package nl.transfertafel.capacity.common.infrastructure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * capacity-service settings ({@code transfertafel.capacity.*}).
 *
 * @param staleAfter a line not confirmed for this long is stale and leaves matching (default 14 days)
 * @param reservationHold a held place returns unless confirmed within this time (default 10 days; the
 *        transfer table's offers expire sooner, so the hold outlives every offer)
 * @param housekeepingInterval how often the scheduled jobs run (expiry, staleness, holds, gauges)
 */
@ConfigurationProperties("transfertafel.capacity")
public record CapacityProperties(Duration staleAfter, Duration reservationHold, Duration housekeepingInterval) {

    public CapacityProperties {
        staleAfter = staleAfter != null ? staleAfter : Duration.ofDays(14);
        reservationHold = reservationHold != null ? reservationHold : Duration.ofDays(10);
        housekeepingInterval = housekeepingInterval != null ? housekeepingInterval : Duration.ofMinutes(1);
    }
}
