package io.miniman.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    Optional<LoginFailure> findByAddressAndUsernameIsNull(String address);

    Optional<LoginFailure> findByAddressAndUsername(String address, String username);

    @Modifying
    @Query("delete from LoginFailure f where f.lastFailureAt < :cutoff and (f.lockedUntil is null or f.lockedUntil < :cutoff)")
    int deleteIdleSince(Instant cutoff);
}
