package nl.transfertafel.intake.client.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.transfertafel.intake.client.domain.Bsn;

/** The field is a BSN that passes the eleven test (null is left to {@code @NotNull}). */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ElevenTest.Validator.class)
public @interface ElevenTest {

    String message() default "must be a BSN of nine digits that passes the eleven test";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ElevenTest, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Bsn.isValid(value);
        }
    }
}
