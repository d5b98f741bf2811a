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

/** A GP's referral. The referrer (AGB code) and region come from the token, never from the body. */
@ReferralBody.ConsistentPreferences
@Schema(name = "Referral", description = "A GP's referral of a client")
public record ReferralBody(
        @Schema(description = "citizen service number (BSN), nine digits passing the eleven test; stored encrypted, never sent on")
        @NotNull @ElevenTest String bsn,
        @Schema(description = "the client's full name") @NotBlank @Size(max = 200) String name,
        @Schema(description = "the client's date of birth: before today and at most 120 years ago")
        @NotNull @Past @WithinYears(value = ClientFields.MAX_AGE_YEARS, message = ClientFields.MAX_AGE_MESSAGE)
        LocalDate dateOfBirth,
        @Schema(example = "3011 AB")
        @NotNull @Pattern(regexp = ClientFields.POSTCODE, message = ClientFields.POSTCODE_MESSAGE) String postcode,
        @Email(regexp = ClientFields.EMAIL) @Size(max = 254) String email,
        @Pattern(regexp = ClientFields.PHONE, message = ClientFields.PHONE_MESSAGE) String phone,
        @Schema(description = "preferred language for messages to the client", allowableValues = {"nl", "en"}, defaultValue = "nl")
        @Pattern(regexp = ClientFields.LANGUAGE, message = "must be nl or en") String language,
        @Schema(description = "the client's insurer (UZOVI, four digits)")
        @NotNull @Pattern(regexp = ClientFields.UZOVI, message = "must be a four-digit UZOVI code") String insurerUzovi,
        @NotNull DiagnosisGroup diagnosisGroup,
        @NotNull CareLevel careLevel,
        @NotNull Urgency urgency,
        @Schema(description = "AGB code (eight digits) of the provider the client is referred to; none: the transfer table finds one")
        @Pattern(regexp = ClientFields.AGB, message = "must be an eight-digit AGB code") String preferredProviderAgb,
        @Min(0) @Max(1000) Integer maxTravelKm,
        Boolean eHealthAcceptable,
        @Schema(description = "the client waits for the preferred provider even when others have room (needs preferredProviderAgb)")
        Boolean waitForPreferredProvider,
        @Schema(description = "the client agrees that the transfer table screens their (pseudonymous) entry")
        @NotNull Boolean screeningConsent,
        @Schema(description = "code of the client-support organisation (onafhankelijke cliëntondersteuning) acting for the "
                + "client, if any: its supporters may then see and answer the client's offers", example = "MEE-Rotterdam")
        @Pattern(regexp = ClientFields.SUPPORT_ORGANISATION, message = ClientFields.SUPPORT_ORGANISATION_MESSAGE)
        String clientSupportOrganisation) implements ClientFields {

    /** Waiting for the preferred provider needs a preferred provider. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ConsistentPreferences.Validator.class)
    public @interface ConsistentPreferences {

        String message() default "waiting for the preferred provider needs a preferredProviderAgb";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ConsistentPreferences, ReferralBody> {
            @Override
            public boolean isValid(ReferralBody body, ConstraintValidatorContext context) {
                if (body == null || !Boolean.TRUE.equals(body.waitForPreferredProvider())
                        || body.preferredProviderAgb() != null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("waitForPreferredProvider").addConstraintViolation();
                return false;
            }
        }
    }
}
