package io.miniman.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address: 5 failures within 10 minutes lock that
 * name or address for 5 minutes. Kept in memory: a restart forgets, which only helps the legitimate admin.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(10);
    static final Duration LOCKOUT = Duration.ofMinutes(5);
    // bounds the memory an attacker can make us spend by trying random names
    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** When either the name or the address is locked: until when. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(lockedUntil::get)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo);
    }

    /** Records a failure; true when it started a lockout. */
    public boolean recordFailure(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            prune();
        }
        boolean userLocked = count(userKey(username));
        boolean addressLocked = count(addressKey(address));
        return userLocked || addressLocked;
    }

    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private boolean count(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.removeFirst();
            }
            if (times.size() >= MAX_FAILURES) {
                times.clear();
                lockedUntil.put(key, now.plus(LOCKOUT));
                return true;
            }
            return false;
        }
    }

    private void prune() {
        Instant horizon = clock.instant().minus(WINDOW);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(horizon);
            }
        });
        lockedUntil.values().removeIf(until -> until.isBefore(clock.instant()));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase());
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
