package io.miniman.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/**
 * Password login with throttling. The operation log gets each success, the first failure of a burst
 * from an address and the lockout that ends it (with the count); the failures in between are only
 * counted in {@code login_failure}, so a flood of guesses cannot fill the log. Every kind of refusal
 * (unknown user, wrong password, disabled) reaches the user as the same message.
 * <p>
 * Every VIEWER reads the operation log, so a failure names only a user that exists: a name nobody has is
 * often a password typed into the wrong field, and is logged as {@value #UNKNOWN_USER} (as sshd's
 * "invalid user" does not echo it to everyone). Only {@code login_failure}, which no view shows, keeps it.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    static final String UNKNOWN_USER = "unknown user";

    private final DaoAuthenticationProvider delegate;
    private final AppUserRepository users;
    private final LoginThrottle throttle;
    private final OperationService operations;
    private final Clock clock;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, AppUserRepository users, LoginThrottle throttle,
            OperationService operations, Clock clock) {
        this.delegate = delegate;
        this.users = users;
        this.throttle = throttle;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String name = LoginThrottle.name(request.getName());
        String address = LoginThrottle.address(
                request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null);
        // without this, 20 parallel guesses would all pass the check before the first failure is counted
        synchronized (throttle.monitor(address)) {
            Optional<LoginThrottle.Refusal> refusal = throttle.refusal(name, address);
            if (refusal.isPresent()) {
                throw new LoginThrottledException(message(refusal.get()));
            }
            try {
                Authentication result = delegate.authenticate(request);
                throttle.recordSuccess(name, address);
                operations.record(OperationType.AUTH, "login", OperationTarget.of(OperationTarget.Kind.LOGIN, name),
                        OperationStatus.COMPLETED, "signed in from " + address, null, name);
                return result;
            } catch (AuthenticationException e) {
                LoginThrottle.Failure failure = throttle.recordFailure(name, address);
                String shown = users.findByUsernameIgnoreCase(name).isPresent() ? name : UNKNOWN_USER;
                OperationTarget target = OperationTarget.of(OperationTarget.Kind.LOGIN, shown);
                if (failure.firstFromAddress()) {
                    operations.record(OperationType.AUTH, "login", target, OperationStatus.FAILED, null,
                            "wrong credentials from " + address + " (further failures from there are counted, then locked)", shown);
                }
                failure.addressLockedUntil().ifPresent(until -> operations.record(OperationType.AUTH, "lockout", target,
                        OperationStatus.FAILED, null, failure.addressFailures() + " failed sign-ins from " + address
                                + " within " + LoginThrottle.ADDRESS_WINDOW.toMinutes() + " minutes, the last for '" + shown
                                + "': the address is locked until " + until, shown));
                throw new BadCredentialsException("Bad credentials");
            }
        }
    }

    private String message(LoginThrottle.Refusal refusal) {
        long seconds = Math.max(1, Duration.between(clock.instant(), refusal.until()).toSeconds() + 1);
        String wait = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
        return (refusal.wholeAddress() ? "Too many failed sign-ins from this device." : "Too many failed attempts for this name.")
                + " Try again in " + wait + ".";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
