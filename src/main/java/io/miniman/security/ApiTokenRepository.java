package io.miniman.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUsernameIgnoreCaseOrderByCreatedAtDesc(String username);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    boolean existsByUsernameIgnoreCaseAndNameAndRevokedAtIsNull(String username, String name);

    /** A bulk update: it skips the entity, so no row is read into the session just to be touched. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id")
    void touch(Long id, Instant at);
}
