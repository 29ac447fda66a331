package io.miniman.network.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The console (port 80 and {@code consolePort}) is reachable only from the LAN and loopback;
 * {@code sshLanOnly} adds the SSH port to that rule. {@code redirectHttp} sends port 80 on the LAN to the
 * console for boxes without nginx in front.
 */
public record FirewallSettings(
        @Min(1) @Max(65535) int consolePort,
        boolean redirectHttp,
        boolean sshLanOnly,
        @Min(1) @Max(65535) int sshPort) {

    public static final int HTTP_PORT = 80;
    /** nginx's port on a box installed with {@code --tls}; open like port 80 so both answer the LAN only. */
    public static final int HTTPS_PORT = 443;

    public static FirewallSettings defaults() {
        return new FirewallSettings(8000, true, false, 22);
    }
}
