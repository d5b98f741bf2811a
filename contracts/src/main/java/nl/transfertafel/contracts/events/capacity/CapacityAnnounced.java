package nl.transfertafel.contracts.events.capacity;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.events.EventPayload;
import nl.transfertafel.contracts.events.EventType;
import nl.transfertafel.contracts.events.Topics;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/**
 * A provider announced free intake places for one of its offerings at one location. Carries what
 * the matcher needs (groups, care level, age range, exclusions, where), so the transfer table never
 * has to ask capacity-service to decide a match. Offering and location ids are optional for
 * announcements made before the provider was registered.
 */
@EventType(name = "CapacityAnnounced", topic = Topics.CAPACITY_EVENTS)
public record CapacityAnnounced(
        String capacityLineId,
        String providerAgb,
        ProviderType providerType,
        String locationPostcodeArea,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        int places,
        LocalDate availableFrom,
        LocalDate availableUntil,
        String offeringId,
        String locationId,
        Integer minAge,
        Integer maxAge,
        List<String> exclusions) implements EventPayload {

    /** An announcement without registry references or restrictions (the minimal form). */
    public CapacityAnnounced(String capacityLineId, String providerAgb, ProviderType providerType,
            String locationPostcodeArea, List<DiagnosisGroup> diagnosisGroups, CareLevel careLevel, int places,
            LocalDate availableFrom, LocalDate availableUntil) {
        this(capacityLineId, providerAgb, providerType, locationPostcodeArea, diagnosisGroups, careLevel, places,
                availableFrom, availableUntil, null, null, null, null, null);
    }
}
