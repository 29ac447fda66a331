package io.miniman.security;

/** A record that sets someone's password; {@link AcceptablePassword} checks it against the {@link PasswordPolicy}. */
public interface PasswordChoice {

    /** Whose password it becomes: the policy refuses the user's own name. */
    String owner();

    String chosenPassword();
}
