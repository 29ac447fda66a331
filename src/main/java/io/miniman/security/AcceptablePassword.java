package io.miniman.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The chosen password passes the {@link PasswordPolicy} (length, BCrypt's 72 bytes, not the user's name).
 * On the type, because the policy needs the owner's name too; the violation names {@link #field()}.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AcceptablePassword {

    /** The property the violation is reported on, so the form shows it beside that field. */
    String field();

    String message() default "not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's validator factory, which injects the policy (its minimum length is configured). */
    class Check implements ConstraintValidator<AcceptablePassword, PasswordChoice> {

        private final PasswordPolicy policy;
        private String field;

        Check(PasswordPolicy policy) {
            this.policy = policy;
        }

        @Override
        public void initialize(AcceptablePassword annotation) {
            field = annotation.field();
        }

        @Override
        public boolean isValid(PasswordChoice choice, ConstraintValidatorContext context) {
            if (choice == null) {
                return true;
            }
            return policy.problem(choice.owner(), choice.chosenPassword()).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(Violations.literal(problem)).addPropertyNode(field)
                        .addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
