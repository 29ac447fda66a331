package io.miniman.system.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.host.PrivilegedHelper;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;

/**
 * Reboot, shut down and reset the box, each an operation through the root helper. The helper delays
 * reboot and power-off by a few seconds, and system-reset runs in a unit of its own, so the operation
 * is recorded as done before the console goes away.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class PowerActions {

    public enum Power {
        REBOOT("reboot", "Reboot"), SHUTDOWN("poweroff", "Shut down");

        private final String verb;
        private final String label;

        Power(String verb, String label) {
            this.verb = verb;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final HostSettingsService host;
    private final PrivilegedHelper helper;
    private final OperationService operations;

    public PowerActions(HostSettingsService host, PrivilegedHelper helper, OperationService operations) {
        this.host = host;
        this.helper = helper;
        this.operations = operations;
    }

    public OperationHandle power(Power power) {
        return operations.submit(OperationType.SYSTEM, power.label(), HostSettingsActions.HOST, context -> {
            HostSettingsActions.require(helper.verb(power.verb), power.label().toLowerCase());
            return power.label().toLowerCase() + " in 3 seconds";
        });
    }

    /**
     * Resets the box to a fresh install. {@code typedHostname} must be the host's name, typed by the
     * admin: a reset ends every session and deletes every user, so a slip of the finger must not do it.
     * Runs without a reboot: the reset restarts every service it changes, and one comeback is all the
     * waiting page can tell apart.
     */
    public OperationHandle reset(String typedHostname, boolean purgeDocker) {
        String hostname = host.hostnameNow();
        if (!hostname.equals(typedHostname == null ? "" : typedHostname.strip())) {
            throw new IllegalArgumentException("type the host name \"" + hostname + "\" to confirm the reset");
        }
        return operations.submit(OperationType.SYSTEM, "Reset the box", HostSettingsActions.HOST, context -> {
            HostSettingsActions.require(purgeDocker ? helper.verb("system-reset", "--purge-docker", "--no-reboot")
                    : helper.verb("system-reset", "--no-reboot"), "system-reset");
            return "system-reset started" + (purgeDocker ? " (Docker purged)" : "");
        });
    }
}
