package io.miniman.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.support.TransactionTemplate;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.testsupport.MinimanSpringTest;
import io.miniman.testsupport.MovableClock;

/** The throttle over the suite's database, with a clock of its own; each test uses addresses of its own. */
@MinimanSpringTest
class LoginThrottleTest {

    @Autowired
    LoginFailureRepository repository;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OperationService operations;
    @Autowired
    AppUserRepository users;
    @Autowired
    PasswordEncoder encoder;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T10:00:00Z"));

    private LoginThrottle throttle() {
        return new LoginThrottle(repository, transaction, clock);
    }

    @Test
    void failuresFromOneAddressDelayThatNameThereButNotElsewhere() {
        LoginThrottle throttle = throttle();
        throttle.recordFailure("admin", "10.1.0.1");
        throttle.recordFailure("admin", "10.1.0.1");
        assertThat(throttle.refusal("admin", "10.1.0.1")).isEmpty();
        throttle.recordFailure("admin", "10.1.0.1");
        assertThat(throttle.refusal("admin", "10.1.0.1")).hasValueSatisfying(r -> {
            assertThat(r.until()).isEqualTo(clock.instant().plusSeconds(2));
            assertThat(r.wholeAddress()).isFalse();
        });
        // the admin at another address, and another name at the same address, are not held up
        assertThat(throttle.refusal("admin", "10.1.0.2")).isEmpty();
        assertThat(throttle.refusal("bob", "10.1.0.1")).isEmpty();

        clock.advance(Duration.ofSeconds(3));
        assertThat(throttle.refusal("admin", "10.1.0.1")).isEmpty();
        throttle.recordFailure("admin", "10.1.0.1");
        assertThat(throttle.refusal("admin", "10.1.0.1")).hasValueSatisfying(
                r -> assertThat(r.until()).isEqualTo(clock.instant().plusSeconds(4)));

        throttle.recordSuccess("admin", "10.1.0.1");
        assertThat(throttle.refusal("admin", "10.1.0.1")).isEmpty();
    }

    @Test
    void theDelayGrowsUpToFifteenMinutes() {
        assertThat(LoginThrottle.delay(2)).isZero();
        assertThat(LoginThrottle.delay(3)).hasSeconds(2);
        assertThat(LoginThrottle.delay(5)).hasSeconds(8);
        assertThat(LoginThrottle.delay(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.delay(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void tenFailuresWithinTenMinutesLockTheAddressForEveryName() {
        LoginThrottle throttle = throttle();
        for (int i = 1; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            assertThat(throttle.recordFailure("user" + i, "10.2.0.1").addressLockedUntil()).isEmpty();
        }
        assertThat(throttle.recordFailure("user10", "10.2.0.1").addressLockedUntil()).isPresent();
        assertThat(throttle.refusal("someone-else", "10.2.0.1")).hasValueSatisfying(r -> assertThat(r.wholeAddress()).isTrue());
        assertThat(throttle.refusal("someone-else", "10.2.0.2")).isEmpty();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.refusal("someone-else", "10.2.0.1")).isEmpty();
        assertThat(throttle.recordFailure("user11", "10.2.0.1").firstFromAddress()).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowStartANewCount() {
        LoginThrottle throttle = throttle();
        assertThat(throttle.recordFailure("a", "10.3.0.1").firstFromAddress()).isTrue();
        assertThat(throttle.recordFailure("b", "10.3.0.1").firstFromAddress()).isFalse();
        clock.advance(Duration.ofMinutes(11));
        LoginThrottle.Failure later = throttle.recordFailure("c", "10.3.0.1");
        assertThat(later.firstFromAddress()).isTrue();
        assertThat(later.addressFailures()).isEqualTo(1);
    }

    @Test
    void rowsIdleForADayAreForgottenAtTheNextFailure() {
        LoginThrottle throttle = throttle();
        throttle.recordFailure("idle", "10.6.0.1");
        clock.advance(Duration.ofHours(23));
        throttle.recordFailure("recent", "10.6.0.2");
        clock.advance(Duration.ofHours(2));
        throttle.recordFailure("now", "10.6.0.3");

        assertThat(repository.findByAddressAndUsername("10.6.0.1", "idle")).isEmpty();
        assertThat(repository.findByAddressAndUsernameIsNull("10.6.0.1")).isEmpty();
        assertThat(repository.findByAddressAndUsername("10.6.0.2", "recent")).isPresent();
        assertThat(repository.findByAddressAndUsername("10.6.0.3", "now")).isPresent();
    }

    @Test
    void aRestartKeepsTheLocksAndDelays() {
        LoginThrottle before = throttle();
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            before.recordFailure("admin", "10.4.0.1");
        }
        LoginThrottle afterRestart = throttle();
        assertThat(afterRestart.refusal("admin", "10.4.0.1")).hasValueSatisfying(r -> assertThat(r.wholeAddress()).isTrue());
    }

    @Test
    void storedNamesAndAddressesAreCapped() {
        String huge = "x".repeat(1 << 20);
        throttle().recordFailure(LoginThrottle.name(huge), LoginThrottle.address("10.5.0.1" + huge));
        assertThat(repository.findAll()).allSatisfy(row -> assertThat(row.getUsername() == null ? "" : row.getUsername())
                .hasSizeLessThanOrEqualTo(LoginThrottle.NAME_LIMIT));
        assertThat(LoginThrottle.name(huge)).hasSize(128);
        assertThat(LoginThrottle.address("10.5.0.1" + huge)).hasSize(64);
    }

    @Test
    void twentyParallelGuessesGetThreePasswordChecksNotTwenty() throws Exception {
        String name = "guessed" + System.nanoTime() % 100000;
        users.save(new AppUser(name, encoder.encode("Real-password-1"), Role.OPERATOR, false, Instant.now()));
        AtomicInteger checks = new AtomicInteger();
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new MinimanUserDetailsService(users));
        dao.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        });
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(dao, users, throttle(), operations, clock);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "guess-" + i;
            guesses.add(pool.submit(() -> {
                start.await();
                UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(name, guess);
                request.setDetails(new WebAuthenticationDetails("10.6.6.6", null));
                assertThatThrownBy(() -> provider.authenticate(request)).isInstanceOf(AuthenticationException.class);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> guess : guesses) {
            guess.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(checks.get()).isEqualTo(LoginThrottle.FREE_FAILURES + 1);
    }

    @Test
    void aFailedLoginNamesOnlyAUserThatExistsInTheRowsEveryViewerReads() {
        String known = "known" + System.nanoTime() % 100000;
        users.save(new AppUser(known, encoder.encode("Real-password-1"), Role.OPERATOR, false, Instant.now()));
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new MinimanUserDetailsService(users));
        dao.setPasswordEncoder(encoder);
        ThrottledAuthenticationProvider provider = new ThrottledAuthenticationProvider(dao, users, throttle(), operations, clock);
        long run = System.nanoTime() % 200;
        String strangers = "10.12." + run + ".1";
        String member = "10.13." + run + ".2";
        String typedPassword = "Hunter2-typed-in-the-name-field-" + System.nanoTime();

        // a password typed as the name, then more unknown names until the address is locked
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            attempt(provider, typedPassword + "-" + i, "wrong", strangers);
        }
        attempt(provider, known, "wrong", member);

        List<OperationUpdate> strangerRows = operations.list(
                new OperationFilter(OperationType.AUTH, null, null, null, null, strangers), 0, 50);
        assertThat(strangerRows).extracting(OperationUpdate::name).containsExactlyInAnyOrder("login", "lockout");
        assertThat(strangerRows).allSatisfy(row -> {
            assertThat(row.target()).contains(ThrottledAuthenticationProvider.UNKNOWN_USER);
            assertThat(row.user()).isEqualTo(ThrottledAuthenticationProvider.UNKNOWN_USER);
            assertThat(String.join(" ", row.target(), row.user(), String.valueOf(row.errorMessage()),
                    String.valueOf(row.result()), String.valueOf(row.details()))).doesNotContain(typedPassword);
        });
        assertThat(operations.list(new OperationFilter(OperationType.AUTH, null, null, null, null, member), 0, 50))
                .singleElement().satisfies(row -> {
                    assertThat(row.target()).contains(known);
                    assertThat(row.user()).isEqualTo(known);
                });
    }

    private static void attempt(ThrottledAuthenticationProvider provider, String name, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        assertThatThrownBy(() -> provider.authenticate(request)).isInstanceOf(AuthenticationException.class);
    }
}
