package io.miniman.security;

import org.springframework.stereotype.Component;

import io.miniman.InvalidInputException;
import io.miniman.config.MinimanProperties;

@Component
public class PasswordPolicy {

    private final int minLength;

    PasswordPolicy(MinimanProperties properties) {
        this.minLength = Math.max(8, properties.minPasswordLength());
    }

    public int minLength() {
        return minLength;
    }

    /** Throws a field error for "newPassword" when the password is too weak for this user. */
    public void check(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw new InvalidInputException("newPassword", "At least " + minLength + " characters");
        }
        if (password.length() > 128) {
            throw new InvalidInputException("newPassword", "At most 128 characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw new InvalidInputException("newPassword", "Must differ from the user name");
        }
        if (password.chars().distinct().count() < 4) {
            throw new InvalidInputException("newPassword", "Too easy to guess: use more different characters");
        }
    }
}
