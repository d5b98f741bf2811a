package nl.transfertafel.capacity.registry.web;

import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.registry.domain.Provider;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** A provider's registry record as the API shows it (organisation data only, no personal data). */
public record ProviderView(String agb, String name, ProviderType type, String region, String representativeAgb,
        boolean active, List<LocationView> locations, List<OfferingView> offerings, long version) {

    public record LocationView(UUID locationId, String postcode, String postcodeArea, String city, String region) {
    }

    public record OfferingView(UUID offeringId, List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int minAge,
            int maxAge, List<ExclusionCriterion> exclusions) {
    }

    static ProviderView of(Provider p) {
        return new ProviderView(p.agb(), p.name(), p.type(), p.region(), p.representativeAgb(), p.active(),
                p.locations().stream().map(l -> new LocationView(l.id(), l.postcode(), l.postcodeArea(), l.city(),
                        l.region())).toList(),
                p.offerings().stream().map(o -> new OfferingView(o.id(), o.diagnosisGroups(), o.careLevel(), o.minAge(),
                        o.maxAge(), o.exclusions())).toList(),
                p.version());
    }
}
