package io.miniman.system.settings;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/** Host name and time zone changes: checked here (and again by the root helper), run as operations. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class HostSettingsActions {

    static final OperationTarget HOST = OperationTarget.of(OperationTarget.Kind.HOST, "host", "this box");

    private final HostSettingsService host;
    private final OperationService operations;
    private final Validator validator;

    public HostSettingsActions(HostSettingsService host, OperationService operations, Validator validator) {
        this.host = host;
        this.operations = operations;
        this.validator = validator;
    }

    /** Applies what differs from the host's current name and zone; returns empty when nothing does. */
    public Optional<OperationHandle> apply(HostSettings settings) {
        Set<ConstraintViolation<HostSettings>> violations = validator.validate(settings);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!host.knowsTimeZone(settings.timeZone())) {
            throw new IllegalArgumentException("unknown time zone: " + settings.timeZone());
        }
        String hostname = host.hostnameNow();
        String zone = host.timeZoneNow();
        boolean rename = !hostname.equals(settings.hostname());
        boolean rezone = !zone.equals(settings.timeZone());
        if (!rename && !rezone) {
            return Optional.empty();
        }
        return Optional.of(operations.submit(OperationType.SYSTEM, "Change host settings", HOST, context -> {
            StringBuilder done = new StringBuilder();
            if (rename) {
                require(host.applyHostname(settings.hostname()), "host name");
                context.progress("host name is now " + settings.hostname());
                done.append("host name ").append(hostname).append(" → ").append(settings.hostname());
            }
            if (rezone) {
                require(host.applyTimeZone(settings.timeZone()), "time zone");
                context.progress("time zone is now " + settings.timeZone());
                done.append(done.isEmpty() ? "" : "; ").append("time zone ").append(zone).append(" → ")
                        .append(settings.timeZone());
            }
            return done.toString();
        }));
    }

    /** A helper that did not run (not installed, refused) fails the operation with its reason. */
    static String require(PrivilegedHelper.Outcome outcome, String what) {
        if (outcome instanceof PrivilegedHelper.Outcome.Done done) {
            return done.output();
        }
        throw new IllegalStateException(what + ": " + outcome.describe());
    }
}
