package io.miniman.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(String username, String name, String tokenHash, Role role, boolean readOnly, Instant createdAt,
            Instant expiresAt) {
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.role = role;
        this.readOnly = readOnly;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    ApiTokenSummary toSummary(Instant now) {
        return new ApiTokenSummary(id, username, name, role, readOnly, createdAt, expiresAt, lastUsedAt, revokedAt,
                usable(now));
    }

    boolean usable(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getName() {
        return name;
    }

    Role getRole() {
        return role;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    Instant getLastUsedAt() {
        return lastUsedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setLastUsedAt(Instant lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    void revoke(Instant at) {
        this.revokedAt = at;
    }
}
