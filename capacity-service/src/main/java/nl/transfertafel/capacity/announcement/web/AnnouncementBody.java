package nl.transfertafel.capacity.announcement.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import nl.transfertafel.capacity.announcement.domain.AnnounceCapacity;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

public record AnnouncementBody(
        @NotNull ProviderType providerType,
        @NotNull @Pattern(regexp = "[1-9][0-9]{3} ?[A-Za-z]{2}", message = "must be a Dutch postcode like 3011 AB") String locationPostcode,
        @NotEmpty List<DiagnosisGroup> diagnosisGroups,
        @NotNull CareLevel careLevel,
        @NotNull @Min(1) @Max(10000) Integer places,
        @NotNull LocalDate availableFrom,
        LocalDate availableUntil) {

    AnnounceCapacity toCommand() {
        return new AnnounceCapacity(providerType, locationPostcode.replace(" ", "").toUpperCase(), diagnosisGroups,
                careLevel, places, availableFrom, availableUntil);
    }
}
