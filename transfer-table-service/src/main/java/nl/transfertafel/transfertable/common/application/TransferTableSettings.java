package nl.transfertafel.transfertable.common.application;

import java.time.Duration;

/**
 * The transfer table's configurable times and limits (properties {@code transfertafel.transfer-table.*},
 * see docs/services/transfer-table-service.md for the defaults and why).
 */
public record TransferTableSettings(
        Duration offerTtl,
        Duration refusalCooldown,
        Duration screeningOverdueAfter,
        Duration escalationNoCapacityAfter,
        Duration escalationUrgentAfter,
        int defaultMaxTravelKm) {
}
