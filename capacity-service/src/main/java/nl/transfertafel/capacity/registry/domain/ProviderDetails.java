package nl.transfertafel.capacity.registry.domain;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * The whole record as the caller wants it to be. Locations and offerings keep their id when the
 * caller names it and get a new one when not; those left out are removed from the registry (capacity
 * lines announced for them keep the terms they were announced with).
 */
public record ProviderDetails(
        String name,
        ProviderType type,
        String region,
        String representativeAgb,
        boolean active,
        List<LocationDetails> locations,
        List<OfferingDetails> offerings,
        Long expectedVersion) {

    public ProviderDetails {
        locations = locations == null ? List.of() : List.copyOf(locations);
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }

    public record LocationDetails(UUID locationId, String postcode, String city, String region) {
    }

    public record OfferingDetails(UUID offeringId, List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel,
            int minAge, int maxAge, List<ExclusionCriterion> exclusions) {
    }
}
