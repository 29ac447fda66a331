package io.miniman.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Failed sign-ins of one client address (username null) or of one name from one address. */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(columnDefinition = "integer")
    private Long id;

    @Column(nullable = false, length = 64)
    private String address;

    @Column(length = 128)
    private String username;

    @Column(nullable = false)
    private int failures;

    @Column(name = "first_failure_at", nullable = false)
    private Instant firstFailureAt;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginFailure() {
    }

    LoginFailure(String address, String username, Instant now) {
        this.address = address;
        this.username = username;
        restart(now);
    }

    /** Starts counting afresh with this failure. */
    void restart(Instant now) {
        failures = 1;
        firstFailureAt = now;
        lastFailureAt = now;
    }

    void add(Instant now) {
        failures++;
        lastFailureAt = now;
    }

    void lockUntil(Instant until) {
        lockedUntil = until;
        failures = 0;
    }

    String getUsername() {
        return username;
    }

    int getFailures() {
        return failures;
    }

    Instant getFirstFailureAt() {
        return firstFailureAt;
    }

    Instant getLastFailureAt() {
        return lastFailureAt;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
