package nl.transfertafel.contracts.events;

import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** A provider announced free intake places for one of its offerings at one location. */
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
        LocalDate availableUntil) implements EventPayload {
}
