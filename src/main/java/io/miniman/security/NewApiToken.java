package io.miniman.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A token a user asks for themselves.
 *
 * @param role the most it may do: never above the user's own role (checked by {@link ApiTokens})
 * @param expiresInDays null: it never expires
 * @param readOnly it may only read (GET), whatever its role
 */
public record NewApiToken(
        @NotNull(message = "Name the token (e.g. ci-runner)")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit") String name,
        @NotNull(message = "Choose a role") Role role,
        @Min(value = 1, message = "at least 1 day") @Max(value = 3650, message = "at most 3650 days") Integer expiresInDays,
        boolean readOnly) {

    public NewApiToken {
        name = name == null ? null : name.strip();
    }
}
