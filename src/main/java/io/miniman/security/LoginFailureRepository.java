package io.miniman.security;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long>, JpaSpecificationExecutor<LoginFailure> {

    Optional<LoginFailure> findByAddressAndUsernameIsNull(String address);

    Optional<LoginFailure> findByAddressAndUsername(String address, String username);

    /**
     * One bulk delete of the rows that neither failed nor stayed locked since the cutoff. Built with the
     * Criteria API, as every query here is: query text is parsed by two ANTLR grammars, about a second of
     * the box's start.
     */
    default long deleteIdleSince(Instant cutoff) {
        return delete((row, query, cb) -> cb.and(cb.lessThan(row.get("lastFailureAt"), cutoff),
                cb.or(cb.isNull(row.get("lockedUntil")), cb.lessThan(row.get("lockedUntil"), cutoff))));
    }
}
