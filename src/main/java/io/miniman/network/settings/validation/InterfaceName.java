package io.miniman.network.settings.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A Linux network interface name; {@code optional} also accepts the empty string. */
@Documented
@Constraint(validatedBy = InterfaceName.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface InterfaceName {

    String message() default "an interface name such as wlan0 (at most 15 letters, digits, '_', '.', '-')";

    boolean optional() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<InterfaceName, String> {
        private boolean optional;

        @Override
        public void initialize(InterfaceName annotation) {
            optional = annotation.optional();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (optional && value.isEmpty()) || NetworkText.isInterfaceName(value);
        }
    }
}
