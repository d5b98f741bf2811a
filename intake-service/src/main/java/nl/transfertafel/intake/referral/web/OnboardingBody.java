package nl.transfertafel.intake.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import nl.transfertafel.contracts.vocabulary.CareLevel;
import nl.transfertafel.contracts.vocabulary.DiagnosisGroup;
import nl.transfertafel.contracts.vocabulary.Urgency;
import nl.transfertafel.intake.client.web.ElevenTest;
import nl.transfertafel.intake.client.web.WithinYears;

/**
 * A client already on the provider's own waiting list, brought in with the referring GP and the
 * original registration date (so the waiting time is real and the Treeknorm clock continues).
 */
@OnboardingBody.NotBeforeBirth
@Schema(name = "OnboardedEntry", description = "A client of the provider's existing waiting list")
public record OnboardingBody(
        @NotNull @ElevenTest String bsn,
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "the client's date of birth: before today, at most 120 years ago, not after registeredOn")
        @NotNull @Past @WithinYears(value = ClientFields.MAX_AGE_YEARS, message = ClientFields.MAX_AGE_MESSAGE)
        LocalDate dateOfBirth,
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

    /** Nobody was put on a waiting list before they were born: registeredOn is on or after dateOfBirth. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NotBeforeBirth.Validator.class)
    public @interface NotBeforeBirth {

        String message() default "the registration date lies before the client's date of birth";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<NotBeforeBirth, OnboardingBody> {
            @Override
            public boolean isValid(OnboardingBody body, ConstraintValidatorContext context) {
                if (body == null || body.registeredOn() == null || body.dateOfBirth() == null
                        || !body.registeredOn().isBefore(body.dateOfBirth())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("registeredOn").addConstraintViolation();
                return false;
            }
        }
    }
}
