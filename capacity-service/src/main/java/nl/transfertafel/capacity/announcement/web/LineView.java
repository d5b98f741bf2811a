package nl.transfertafel.capacity.announcement.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.domain.CapacityLine;
import nl.transfertafel.capacity.common.domain.Today;
import nl.transfertafel.contracts.events.capacity.CapacityLineChanged;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** A capacity line as the API shows it. */
public record LineView(
        UUID capacityLineId,
        String providerAgb,
        ProviderType providerType,
        String region,
        UUID locationId,
        String postcodeArea,
        UUID offeringId,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        Integer minAge,
        Integer maxAge,
        List<ExclusionCriterion> exclusions,
        int places,
        int placesLeft,
        LocalDate availableFrom,
        LocalDate availableUntil,
        CapacityLineChanged.State state,
        LocalDate confirmedOn,
        long version) {

    static LineView of(CapacityLine line) {
        return new LineView(line.id(), line.providerAgb(), line.providerType(), line.region(), line.locationId(),
                line.postcodeArea(), line.offeringId(), line.diagnosisGroups(), line.careLevel(), line.minAge(),
                line.maxAge(), line.exclusions(), line.placesTotal(), line.placesLeft(), line.availableFrom(),
                line.availableUntil(), line.state(), Today.of(line.confirmedAt()), line.version());
    }
}
