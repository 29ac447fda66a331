package io.miniman.security;

import java.time.Instant;

/** A user as views and the API see it: never the password hash. */
public record UserSummary(long id, String username, Role role, boolean enabled, boolean mustChangePassword,
        Instant createdAt) {
}
