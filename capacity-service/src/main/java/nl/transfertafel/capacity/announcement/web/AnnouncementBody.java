package nl.transfertafel.capacity.announcement.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.announcement.domain.AnnounceCapacity;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

@Schema(description = """
        Free intake places. Registered form: locationId and offeringId of the provider's registry record \
        (the line takes the offering's groups, care level, ages and exclusions; diagnosisGroups may narrow \
        the groups). Minimal form, for a provider announcing for itself: providerType, locationPostcode, \
        diagnosisGroups and careLevel inline (region from the token, no age range or exclusions).""")
public record AnnouncementBody(
        @Schema(description = "The provider the places are at; left out = the caller's own organisation. "
                + "A representative or ADMIN names the practice here.")
        @Pattern(regexp = "[0-9]{8}", message = "must be an AGB code of 8 digits") String providerAgb,
        UUID locationId,
        UUID offeringId,
        ProviderType providerType,
        @Pattern(regexp = "[1-9][0-9]{3} ?[A-Za-z]{2}", message = "must be a Dutch postcode like 3011 AB") String locationPostcode,
        @Size(max = 20) List<@NotNull DiagnosisGroup> diagnosisGroups,
        CareLevel careLevel,
        @NotNull @Min(1) @Max(10000) Integer places,
        @NotNull LocalDate availableFrom,
        LocalDate availableUntil) {

    AnnounceCapacity toCommand() {
        return new AnnounceCapacity(providerAgb, locationId, offeringId, providerType, locationPostcode, diagnosisGroups,
                careLevel, places, availableFrom, availableUntil);
    }
}
