package io.miniman.security;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AppUserRepository extends JpaRepository<AppUser, Long>, JpaSpecificationExecutor<AppUser> {

    Optional<AppUser> findByUsernameIgnoreCase(String username);

    long countByRoleAndEnabledTrue(Role role);

    /** Asked at every start: count() is query text, which would load Hibernate's HQL grammar for it alone. */
    default boolean anyUser() {
        return exists((row, query, cb) -> cb.conjunction());
    }
}
