package nl.transfertafel.transfertable.readmodel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * A provider's capacity line as the transfer table knows it from capacity events. {@code placesLeft}
 * is what capacity-service reports (reservations already taken off); {@code placesFreedAt} is when
 * the last event that opened places happened (for the capacity-to-proposal time).
 */
public record CapacityLine(
        String capacityLineId,
        String region,
        String providerAgb,
        String providerName,
        ProviderType providerType,
        String postcodeArea,
        Set<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        int placesLeft,
        LocalDate availableFrom,
        LocalDate availableUntil,
        Integer minAge,
        Integer maxAge,
        Set<String> exclusions,
        CapacityLineChanged.State state,
        boolean providerActive,
        Instant placesFreedAt) {

    public boolean eHealth() {
        return providerType == ProviderType.E_HEALTH;
    }
}
