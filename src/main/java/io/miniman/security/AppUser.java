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
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "operations_seen_at")
    private Instant operationsSeenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private ThemeChoice theme = ThemeChoice.SYSTEM;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, Role role, boolean mustChangePassword, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
        this.operationsSeenAt = createdAt;
    }

    UserSummary toSummary() {
        return new UserSummary(id, username, role, enabled, mustChangePassword, createdAt);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    boolean isEnabled() {
        return enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    Instant getOperationsSeenAt() {
        return operationsSeenAt;
    }

    void setPassword(String passwordHash, boolean mustChangePassword) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
    }

    void setRole(Role role) {
        this.role = role;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void setOperationsSeenAt(Instant operationsSeenAt) {
        this.operationsSeenAt = operationsSeenAt;
    }

    ThemeChoice getTheme() {
        return theme;
    }

    void setTheme(ThemeChoice theme) {
        this.theme = theme;
    }
}
