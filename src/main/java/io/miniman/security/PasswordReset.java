package io.miniman.security;

/** An admin sets a user's password; the user must replace it at next sign-in. */
@AcceptablePassword(field = "password")
public record PasswordReset(String username, String password) implements PasswordChoice {

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
        return "PasswordReset[username=" + username + "]";
    }
}
