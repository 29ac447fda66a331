package io.miniman.security;

import java.time.Duration;
import java.time.Instant;
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
 * Password login with throttling and an operation-log row for each success, failure and lockout.
 * Every kind of refusal (unknown user, wrong password, disabled) reaches the user as the same message.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;
    private final OperationService operations;
    private final java.time.Clock clock;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle,
            OperationService operations, java.time.Clock clock) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.operations = operations;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String username = String.valueOf(request.getName());
        String address = request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        OperationTarget target = OperationTarget.of(OperationTarget.Kind.LOGIN, username);
        Optional<Instant> locked = throttle.lockedUntil(username, address);
        if (locked.isPresent()) {
            long minutes = Math.max(1, Duration.between(clock.instant(), locked.get()).toSeconds() / 60 + 1);
            operations.record(OperationType.AUTH, "login refused (locked)", target, OperationStatus.FAILED, null,
                    "locked out; attempt from " + address, username);
            throw new LoginThrottledException("Too many failed attempts. Try again in " + minutes + " minute"
                    + (minutes == 1 ? "" : "s") + ".");
        }
        try {
            Authentication result = delegate.authenticate(request);
            throttle.recordSuccess(username);
            operations.record(OperationType.AUTH, "login", target, OperationStatus.COMPLETED, "signed in from " + address,
                    null, username);
            return result;
        } catch (AuthenticationException e) {
            boolean lockedNow = throttle.recordFailure(username, address);
            operations.record(OperationType.AUTH, "login", target, OperationStatus.FAILED, null,
                    "wrong credentials from " + address, username);
            if (lockedNow) {
                operations.record(OperationType.AUTH, "lockout", target, OperationStatus.FAILED, null,
                        "5 failed attempts: " + username + " and " + address + " locked for 5 minutes", username);
            }
            throw new BadCredentialsException("Bad credentials");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
