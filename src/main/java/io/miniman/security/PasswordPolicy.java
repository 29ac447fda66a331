package io.miniman.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.miniman.config.MinimanProperties;

@Component
public class PasswordPolicy {

    /** BCrypt reads at most 72 bytes; Spring's encoder refuses longer input rather than ignore the rest. */
    static final int MAX_BYTES = 72;

    private final int minLength;

    PasswordPolicy(MinimanProperties properties) {
        this.minLength = Math.max(8, properties.minPasswordLength());
    }

    /** What a password form shows under the field before anything is typed. */
    public String hint() {
        return minLength + " to " + MAX_BYTES + " characters (fewer with accents or emoji)";
    }

    /** Why this password is too weak for this user, or empty when it is acceptable. */
    public Optional<String> problem(String username, String password) {
        if (password == null || password.length() < minLength) {
            return Optional.of("At least " + minLength + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("At most " + MAX_BYTES + " bytes: " + MAX_BYTES + " plain characters, fewer with accents or emoji");
        }
        if (password.equalsIgnoreCase(username)) {
            return Optional.of("Must differ from the user name");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("Too easy to guess: use more different characters");
        }
        return Optional.empty();
    }
}
