package io.miniman.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link PasswordChange} by the signed-in user: the current password is theirs, the new one is typed
 * the same twice and differs from the current one.
 */
@Documented
@Constraint(validatedBy = OwnPasswordChange.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnPasswordChange {

    String message() default "not a valid password change";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Built by Spring's validator factory, which injects the repository and the encoder. */
    class Check implements ConstraintValidator<OwnPasswordChange, PasswordChange> {

        private final AppUserRepository users;
        private final PasswordEncoder encoder;

        Check(AppUserRepository users, PasswordEncoder encoder) {
            this.users = users;
            this.encoder = encoder;
        }

        @Override
        public boolean isValid(PasswordChange change, ConstraintValidatorContext context) {
            if (change == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            Optional<String> hash = CurrentUser.name().flatMap(users::findByUsernameIgnoreCase).map(AppUser::getPasswordHash);
            if (hash.isEmpty() || !matches(change.current(), hash.get())) {
                valid = violation(context, "current", "This is not your current password");
            } else if (matches(change.newPassword(), hash.get())) {
                valid = violation(context, "newPassword", "Choose a password different from the current one");
            }
            if (change.newPassword() != null && !change.newPassword().equals(change.repeat())) {
                valid = violation(context, "repeat", "The two new passwords differ");
            }
            return valid;
        }

        /** False for what BCrypt cannot hash (over 72 bytes): such a password was never stored. */
        private boolean matches(String raw, String hash) {
            return raw != null && raw.getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES
                    && encoder.matches(raw, hash);
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
