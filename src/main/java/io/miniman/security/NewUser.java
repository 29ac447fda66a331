package io.miniman.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A user an admin creates; the initial password is replaced by its owner at first sign-in. */
@AcceptablePassword(field = "password")
public record NewUser(
        @NotNull(message = "Choose a user name")
        @Pattern(regexp = "[a-z][a-z0-9._-]{1,31}",
                message = "2 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter")
        @AvailableUserName String username,
        @NotNull(message = "Choose a role") Role role,
        String password) implements PasswordChoice {

    public NewUser {
        username = username == null ? null : username.strip();
    }

    @Override
    public String owner() {
        return username;
    }

    @Override
    public String chosenPassword() {
        return password;
    }

    /** Without the password: a record's default text would print it wherever the record is logged. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + "]";
    }
}
