package nl.transfertafel.intake.waitinglist.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.web.ClientFields;
import nl.transfertafel.intake.client.web.ElevenTest;
import nl.transfertafel.intake.client.web.WithinYears;

/**
 * A client already on the provider's own waiting list, brought in with the referring GP and the
 * original registration date (so the waiting time is real and the Treeknorm clock continues).
 */
@Schema(name = "OnboardedEntry", description = "A client of the provider's existing waiting list")
public record OnboardingBody(
        @NotNull @ElevenTest String bsn,
        @NotBlank @Size(max = 200) String name,
        @NotNull @Past LocalDate dateOfBirth,
        @NotNull @Pattern(regexp = ClientFields.POSTCODE, message = ClientFields.POSTCODE_MESSAGE) String postcode,
        @Email(regexp = ClientFields.EMAIL) @Size(max = 254) String email,
        @Pattern(regexp = ClientFields.PHONE, message = ClientFields.PHONE_MESSAGE) String phone,
        @Schema(allowableValues = {"nl", "en"}, defaultValue = "nl")
        @Pattern(regexp = ClientFields.LANGUAGE, message = "must be nl or en") String language,
        @NotNull @Pattern(regexp = ClientFields.UZOVI, message = "must be a four-digit UZOVI code") String insurerUzovi,
        @NotNull DiagnosisGroup diagnosisGroup,
        @NotNull CareLevel careLevel,
        @NotNull Urgency urgency,
        @Min(0) @Max(1000) Integer maxTravelKm,
        Boolean eHealthAcceptable,
        @Schema(description = "the client waits for this provider even when others have room")
        Boolean waitForPreferredProvider,
        @NotNull Boolean screeningConsent,
        @Schema(description = "AGB code of the GP who referred the client (stays responsible, sees the client on its worklist)")
        @NotNull @Pattern(regexp = ClientFields.AGB, message = "must be an eight-digit AGB code") String referrerAgb,
        @Schema(description = "the original registration date: today or earlier, at most 10 years ago")
        @NotNull @PastOrPresent @WithinYears(10) LocalDate registeredOn) implements ClientFields {
}
