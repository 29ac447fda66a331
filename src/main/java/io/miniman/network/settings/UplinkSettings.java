package io.miniman.network.settings;

import io.miniman.network.settings.validation.InterfaceName;
import jakarta.validation.constraints.NotNull;

/**
 * {@code iface} empty means "whatever route leads out": NAT then masquerades everything that leaves the
 * LAN subnet through any other interface.
 */
public record UplinkSettings(
        @NotNull @InterfaceName(optional = true) String iface,
        boolean nat,
        boolean ipForwarding) {

    public UplinkSettings {
        iface = iface == null ? "" : iface;
    }

    public static UplinkSettings defaults() {
        return new UplinkSettings("eth0", true, true);
    }
}
