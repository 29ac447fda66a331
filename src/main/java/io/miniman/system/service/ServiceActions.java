package io.miniman.system.service;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import io.miniman.InvalidInputException;
import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/**
 * Start, stop, restart, enable and disable a listed unit, each as an operation run through the root
 * helper's {@code service} verb. An admin may do all; an operator may restart (what fixes a stuck
 * service without changing what runs at boot); a viewer reads.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class ServiceActions {

    /** Stopping one of these cuts the phone off: the WiFi, the web server in front, the console itself. */
    static final Set<String> CUT_THE_CONNECTION = Set.of("hostapd", "nginx", "miniman");

    public enum UnitAction {
        START("start", "Start", "started"), STOP("stop", "Stop", "stopped"), RESTART("restart", "Restart", "restarted"),
        ENABLE("enable", "Enable", "enabled"), DISABLE("disable", "Disable", "disabled");

        private final String verb;
        private final String label;
        private final String done;

        UnitAction(String verb, String label, String done) {
            this.verb = verb;
            this.label = label;
            this.done = done;
        }

        public String label() {
            return label;
        }
    }

    private final ServicesProperties properties;
    private final PrivilegedHelper helper;
    private final OperationService operations;
    private final ServiceMonitor monitor;

    ServiceActions(ServicesProperties properties, PrivilegedHelper helper, OperationService operations,
            ServiceMonitor monitor) {
        this.properties = properties;
        this.helper = helper;
        this.operations = operations;
        this.monitor = monitor;
    }

    /** Whether stopping the unit cuts the user's own connection: then {@link #stop} wants its name typed. */
    public static boolean cutsConnection(String unit) {
        return CUT_THE_CONNECTION.contains(unit);
    }

    /** What the signed-in user may do, for the page to offer only that. */
    public static Set<UnitAction> permitted() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return EnumSet.noneOf(UnitAction.class);
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        if (roles.contains("ROLE_ADMIN")) {
            return EnumSet.allOf(UnitAction.class);
        }
        return roles.contains("ROLE_OPERATOR") ? EnumSet.of(UnitAction.RESTART) : EnumSet.noneOf(UnitAction.class);
    }

    @PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
    public OperationHandle restart(String unit) {
        return submit(UnitAction.RESTART, unit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle start(String unit) {
        return submit(UnitAction.START, unit);
    }

    /**
     * {@code typedName} must be the unit's name when stopping it cuts the user's connection (hostapd,
     * nginx, the console): the same rule for the page and the API.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle stop(String unit, String typedName) {
        properties.requireListed(unit);
        if (cutsConnection(unit) && !unit.equals(typedName)) {
            throw new InvalidInputException("confirmation", "Stopping " + unit
                    + " cuts your own connection to the console: type its name to confirm");
        }
        return submit(UnitAction.STOP, unit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle enable(String unit) {
        return submit(UnitAction.ENABLE, unit);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle disable(String unit) {
        return submit(UnitAction.DISABLE, unit);
    }

    private OperationHandle submit(UnitAction action, String unit) {
        properties.requireListed(unit);
        return operations.submit(OperationType.SYSTEM, action.label + " service",
                OperationTarget.of(OperationTarget.Kind.UNIT, unit + ".service", unit), context -> {
                    try {
                        PrivilegedHelper.Outcome outcome = helper.verb("service", action.verb, unit);
                        if (!(outcome instanceof PrivilegedHelper.Outcome.Done)) {
                            throw new IllegalStateException(action.verb + " " + unit + " " + outcome.describe());
                        }
                        return action.done + " " + unit;
                    } finally {
                        monitor.poll();
                    }
                });
    }
}
