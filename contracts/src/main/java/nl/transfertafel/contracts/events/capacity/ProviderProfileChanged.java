package nl.transfertafel.contracts.events.capacity;

import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** A provider's registry record after a change: who it is, where it works and what it offers to whom. */
@EventType(name = "ProviderProfileChanged", topic = Topics.CAPACITY_EVENTS)
public record ProviderProfileChanged(
        String providerAgb,
        String name,
        ProviderType providerType,
        String representativeAgb,
        List<Location> locations,
        List<Offering> offerings,
        boolean active,
        long version) implements EventPayload {

    public record Location(String locationId, String postcodeArea, String region) {
    }

    public record Offering(String offeringId, List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int minAge,
            int maxAge, List<String> exclusions) {
    }
}
