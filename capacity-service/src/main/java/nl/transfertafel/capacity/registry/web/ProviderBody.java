package nl.transfertafel.capacity.registry.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import nl.transfertafel.capacity.registry.domain.ProviderDetails;
import nl.transfertafel.contracts.events.capacity.ExclusionCriterion;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.ProviderType;

@Schema(description = "The whole registry record of a provider. Locations and offerings keep their id when you send it, "
        + "get a new one when you leave it out, and are removed when you leave them out of the list.")
public record ProviderBody(
        @NotBlank @Size(max = 200) String name,
        @NotNull ProviderType type,
        @Schema(description = "Home region code (see Regions), e.g. rotterdam") @NotBlank String region,
        @Schema(description = "AGB code of the organisation that represents this (small) practice, if any")
        @Pattern(regexp = "[0-9]{8}", message = "must be an AGB code of 8 digits") String representativeAgb,
        @Schema(description = "Left out = true") Boolean active,
        @Size(max = 100) List<@Valid @NotNull LocationBody> locations,
        @Size(max = 100) List<@Valid @NotNull OfferingBody> offerings,
        @Schema(description = "The version you read; when given and the record changed since, 409 version-conflict")
        Long version) {

    public record LocationBody(
            UUID locationId,
            @NotNull @Pattern(regexp = "[1-9][0-9]{3} ?[A-Za-z]{2}", message = "must be a Dutch postcode like 3011 AB")
            String postcode,
            @Size(max = 100) String city,
            @NotBlank String region) {
    }

    public record OfferingBody(
            UUID offeringId,
            @NotEmpty List<@NotNull DiagnosisGroup> diagnosisGroups,
            @NotNull CareLevel careLevel,
            @NotNull @Min(0) @Max(120) Integer minAge,
            @NotNull @Min(0) @Max(120) Integer maxAge,
            @Schema(description = "Clients the offering does not take on: CRISIS_PRONE, ADDICTION_COMORBIDITY, "
                    + "AGGRESSION_RISK, MILD_INTELLECTUAL_DISABILITY, INPATIENT_CARE_NEEDED")
            List<@NotNull ExclusionCriterion> exclusions) {
    }

    ProviderDetails toDetails() {
        return new ProviderDetails(name, type, region, representativeAgb, active == null || active,
                locations == null ? List.of() : locations.stream()
                        .map(l -> new ProviderDetails.LocationDetails(l.locationId(), l.postcode(), l.city(), l.region()))
                        .toList(),
                offerings == null ? List.of() : offerings.stream()
                        .map(o -> new ProviderDetails.OfferingDetails(o.offeringId(), o.diagnosisGroups(), o.careLevel(),
                                o.minAge(), o.maxAge(), o.exclusions() == null ? List.of() : o.exclusions()))
                        .toList(),
                version);
    }
}
