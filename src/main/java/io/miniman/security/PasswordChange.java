package io.miniman.security;

/**
 * The signed-in user replaces their own password: always the caller's own account, so the owner is the
 * signed-in user and not a field anyone could fill in.
 */
@AcceptablePassword(field = "newPassword")
@OwnPasswordChange
public record PasswordChange(String current, String newPassword, String repeat) implements PasswordChoice {

    @Override
    public String owner() {
        return CurrentUser.name().orElse(null);
    }

    @Override
    public String chosenPassword() {
        return newPassword;
    }

    /** Without the passwords: a record's default text would print them wherever the record is logged. */
    @Override
    public String toString() {
        return "PasswordChange[for=" + owner() + "]";
    }
}
