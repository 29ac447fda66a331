package io.miniman.security;

import java.time.Instant;

/**
 * A token as its owner and admins see it: never its value or its hash.
 *
 * @param role the most the token may do; a request is also capped at its user's role at the time
 * @param active neither revoked nor expired
 */
public record ApiTokenSummary(long id, String username, String name, Role role, boolean readOnly, Instant createdAt,
        Instant expiresAt, Instant lastUsedAt, Instant revokedAt, boolean active) {
}
