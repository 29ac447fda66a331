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

/** A dotted-quad IPv4 address. */
@Documented
@Constraint(validatedBy = Ipv4.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE,
        ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Ipv4 {

    String message() default "an IPv4 address such as 192.168.50.1";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<Ipv4, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || NetworkText.isIpv4(value);
        }
    }
}
