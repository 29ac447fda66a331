package io.miniman.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles sign-in per client address, never per name alone, so a stranger cannot keep the admin out:
 * <ul>
 * <li>each (name, address) pair gets a growing delay: after its 3rd failure in a row the next try waits
 * 2 s, then 4 s, 8 s, ... up to 15 minutes; a success clears it;</li>
 * <li>an address with 10 failures (any names) within 10 minutes is locked for 15 minutes.</li>
 * </ul>
 * State lives in SQLite ({@code login_failure}), so a restart does not hand out fresh tries. Names and
 * addresses are cut to {@value #NAME_LIMIT} and {@value #ADDRESS_LIMIT} characters before they are stored.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 2;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final int ADDRESS_MAX_FAILURES = 10;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final Duration ADDRESS_LOCKOUT = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    static final int NAME_LIMIT = 128;
    static final int ADDRESS_LIMIT = 64;

    /** Why an attempt is refused before its password is checked, and until when. */
    record Refusal(Instant until, boolean wholeAddress) {
    }

    /** What a failure changed: the first of a burst from its address, or the one that locked the address. */
    record Failure(boolean firstFromAddress, int addressFailures, Optional<Instant> addressLockedUntil) {
    }

    // one monitor per stripe of addresses: check, password check and record run as one step per address
    private final Object[] stripes = new Object[64];
    private final LoginFailureRepository failures;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoginThrottle(LoginFailureRepository failures, TransactionTemplate transaction, Clock clock) {
        this.failures = failures;
        this.transaction = transaction;
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** Hold this while checking, trying the password and recording, so parallel guesses queue and see each other. */
    Object monitor(String address) {
        return stripes[Math.floorMod(address.hashCode(), stripes.length)];
    }

    /** The name as it is stored and compared: trimmed, lower case, at most {@value #NAME_LIMIT} characters. */
    static String name(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > NAME_LIMIT ? name.substring(0, NAME_LIMIT) : name;
    }

    static String address(String address) {
        String value = address == null ? "unknown" : address;
        return value.length() > ADDRESS_LIMIT ? value.substring(0, ADDRESS_LIMIT) : value;
    }

    Optional<Refusal> refusal(String name, String address) {
        Instant now = clock.instant();
        Optional<Refusal> locked = failures.findByAddressAndUsernameIsNull(address)
                .map(LoginFailure::getLockedUntil)
                .filter(now::isBefore)
                .map(until -> new Refusal(until, true));
        if (locked.isPresent()) {
            return locked;
        }
        return failures.findByAddressAndUsername(address, name)
                .map(pair -> pair.getLastFailureAt().plus(delay(pair.getFailures())))
                .filter(now::isBefore)
                .map(until -> new Refusal(until, false));
    }

    Failure recordFailure(String name, String address) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            failures.deleteIdleSince(now.minus(FORGET_AFTER));
            failures.findByAddressAndUsername(address, name).ifPresentOrElse(pair -> pair.add(now),
                    () -> failures.save(new LoginFailure(address, name, now)));
            Optional<LoginFailure> existing = failures.findByAddressAndUsernameIsNull(address);
            LoginFailure total = existing.orElseGet(() -> failures.save(new LoginFailure(address, null, now)));
            boolean first = existing.isEmpty() || !now.isBefore(total.getFirstFailureAt().plus(ADDRESS_WINDOW));
            if (existing.isPresent() && first) {
                total.restart(now);
            } else if (existing.isPresent()) {
                total.add(now);
            }
            int count = total.getFailures();
            if (count >= ADDRESS_MAX_FAILURES) {
                total.lockUntil(now.plus(ADDRESS_LOCKOUT));
                return new Failure(first, count, Optional.of(total.getLockedUntil()));
            }
            return new Failure(first, count, Optional.empty());
        });
    }

    void recordSuccess(String name, String address) {
        transaction.executeWithoutResult(status -> failures.findByAddressAndUsername(address, name).ifPresent(failures::delete));
    }

    /** 0 for the first {@value #FREE_FAILURES} failures in a row, then 2 s doubling up to {@link #MAX_DELAY}. */
    static Duration delay(int failuresInARow) {
        if (failuresInARow <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_FAILURES, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
