package app.attune.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A date or time within {@link JournalDates}: anything else is a typing error, and would overflow
 * date arithmetic or PostgreSQL's timestamp range.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {ClinicalTime.OnDate.class, ClinicalTime.OnDateTime.class})
public @interface ClinicalTime {

    String message() default "must be between 1900-01-01 and 2199-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class OnDate implements ConstraintValidator<ClinicalTime, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || JournalDates.holds(value);
        }
    }

    class OnDateTime implements ConstraintValidator<ClinicalTime, OffsetDateTime> {
        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || JournalDates.holds(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        }
    }
}
