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

/** No user has this name yet (compared ignoring case, as sign-in does). */
@Documented
@Constraint(validatedBy = AvailableUserName.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface AvailableUserName {

    String message() default "A user with this name exists";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's validator factory, which injects the repository. */
    class Check implements ConstraintValidator<AvailableUserName, String> {

        private final AppUserRepository users;

        Check(AppUserRepository users) {
            this.users = users;
        }

        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            return name == null || name.isBlank() || users.findByUsernameIgnoreCase(name).isEmpty();
        }
    }
}
