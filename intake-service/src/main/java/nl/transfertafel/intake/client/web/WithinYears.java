package nl.transfertafel.intake.client.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * The date is at most {@code value} years before today ("today" from the validation clock, which is
 * the service's clock). Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WithinYears.Validator.class)
public @interface WithinYears {

    int value();

    String message() default "must be at most {value} years ago";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<WithinYears, LocalDate> {

        private int years;

        @Override
        public void initialize(WithinYears annotation) {
            years = annotation.value();
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate today = LocalDate.now(context.getClockProvider().getClock());
            return !value.isBefore(today.minusYears(years));
        }
    }
}
