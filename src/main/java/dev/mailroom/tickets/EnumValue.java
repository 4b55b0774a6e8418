package dev.mailroom.tickets;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A request field holding the name of one of an enum's constants (null passes). Enum fields in request bodies are
 * strings so that a wrong value is reported with the field name like every other validation error, instead of
 * failing JSON reading as a whole.
 */
@Documented
@Constraint(validatedBy = EnumValue.Validator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EnumValue {

    Class<? extends Enum<?>> value();

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EnumValue, String> {

        private Class<? extends Enum<?>> type;

        @Override
        public void initialize(EnumValue annotation) {
            this.type = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Arrays.stream(type.getEnumConstants()).anyMatch(c -> c.name().equals(value.strip()))) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(Enums.mustBeOneOf(type)).addConstraintViolation();
            return false;
        }
    }
}
