package nl.transfertafel.capacity.announcement.domain;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** The command a provider gives: announce these places, for this offering, at this location. */
public record AnnounceCapacity(
        ProviderType providerType,
        String locationPostcode,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        int places,
        LocalDate availableFrom,
        LocalDate availableUntil) {
}
