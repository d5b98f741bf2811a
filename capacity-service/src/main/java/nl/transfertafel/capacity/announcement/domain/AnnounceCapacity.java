package nl.transfertafel.capacity.announcement.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * The command: announce these places. Either in the registered form (a location and an offering of
 * the provider's registry record: the line takes the offering's terms) or in the minimal form
 * (provider type, location postcode, diagnosis groups and care level given inline, by the provider
 * itself). {@code providerAgb} is left out when the provider announces for itself.
 */
public record AnnounceCapacity(
        String providerAgb,
        UUID locationId,
        UUID offeringId,
        ProviderType providerType,
        String locationPostcode,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        int places,
        LocalDate availableFrom,
        LocalDate availableUntil) {

    public boolean registeredForm() {
        return locationId != null || offeringId != null;
    }
}
