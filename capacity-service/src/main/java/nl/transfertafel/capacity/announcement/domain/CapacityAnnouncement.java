package nl.transfertafel.capacity.announcement.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.contracts.events.capacity.CapacityAnnounced;
import nl.transfertafel.contracts.events.NewEvent;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

/** A provider's announcement of free intake places: one capacity line the transfer table can match against. */
public record CapacityAnnouncement(
        UUID id,
        String providerAgb,
        ProviderType providerType,
        String region,
        String locationPostcodeArea,
        List<DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        int places,
        LocalDate availableFrom,
        LocalDate availableUntil) {

    public static Announced announce(String providerAgb, String region, AnnounceCapacity command, Clock clock) {
        CapacityAnnouncement line = new CapacityAnnouncement(UUID.randomUUID(), providerAgb, command.providerType(),
                region, command.locationPostcode().substring(0, 4), List.copyOf(command.diagnosisGroups()),
                command.careLevel(), command.places(), command.availableFrom(), command.availableUntil());
        CapacityAnnounced payload = new CapacityAnnounced(line.id().toString(), providerAgb, line.providerType(),
                line.locationPostcodeArea(), line.diagnosisGroups(), line.careLevel(), line.places(),
                line.availableFrom(), line.availableUntil());
        return new Announced(line, new NewEvent(UUID.randomUUID(), clock.instant(), region, line.id().toString(), payload));
    }

    public record Announced(CapacityAnnouncement line, NewEvent event) {
    }
}
