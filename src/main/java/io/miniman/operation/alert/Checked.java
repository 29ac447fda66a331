package io.miniman.operation.alert;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Rules that depend on other fields (an SMTP channel needs recipients, a "within M minutes" rule needs
 * M): the record says them in {@link SelfChecked#check}, and each problem lands beside its field like
 * any Bean Validation message.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Checked.Validator.class)
@interface Checked {
    String message() default "is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    interface SelfChecked {
        void check(Problems problems);
    }

    @FunctionalInterface
    interface Problems {
        void add(String property, String message);
    }

    class Validator implements ConstraintValidator<Checked, SelfChecked> {
        @Override
        public boolean isValid(SelfChecked value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean[] valid = {true};
            context.disableDefaultConstraintViolation();
            value.check((property, message) -> {
                valid[0] = false;
                // the message is text, not a template: braces and dollars from user input stay literal
                String literal = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
                context.buildConstraintViolationWithTemplate(literal).addPropertyNode(property).addConstraintViolation();
            });
            return valid[0];
        }
    }
}
