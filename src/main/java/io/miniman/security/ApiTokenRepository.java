package io.miniman.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUsernameIgnoreCaseOrderByCreatedAtDesc(String username);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    boolean existsByUsernameIgnoreCaseAndNameAndRevokedAtIsNull(String username, String name);
}
