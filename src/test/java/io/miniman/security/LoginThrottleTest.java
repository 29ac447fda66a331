package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForOneNameLockItForFiveMinutesThenLetItInAgain() {
        for (int i = 1; i <= 4; i++) {
            assertThat(throttle.recordFailure("admin", "10.0.0." + i)).isFalse();
        }
        assertThat(throttle.lockedUntil("admin", "10.0.0.9")).isEmpty();
        assertThat(throttle.recordFailure("ADMIN", "10.0.0.5")).isTrue();
        assertThat(throttle.lockedUntil("admin", "10.0.0.9")).isPresent();
        assertThat(throttle.lockedUntil("bob", "10.0.0.9")).isEmpty();

        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.lockedUntil("admin", "10.0.0.9")).isPresent();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.lockedUntil("admin", "10.0.0.9")).isEmpty();
    }

    @Test
    void fiveFailuresFromOneAddressLockThatAddressForEveryName() {
        for (int i = 1; i <= 5; i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockedUntil("someone-else", "192.0.2.7")).isPresent();
        assertThat(throttle.lockedUntil("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void failuresOlderThanTenMinutesDoNotCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("admin", "a" + i);
        }
        clock.advance(Duration.ofMinutes(11));
        assertThat(throttle.recordFailure("admin", "b")).isFalse();
        assertThat(throttle.lockedUntil("admin", "c")).isEmpty();
    }
}
