package io.miniman.network.settings;

import io.miniman.network.settings.validation.HostLabel;
import io.miniman.network.settings.validation.Ipv4;
import io.miniman.network.settings.validation.MacAddress;
import jakarta.validation.constraints.NotNull;

/** A fixed address for one client; {@code hostname} may be empty. */
public record StaticLease(
        @NotNull @MacAddress String mac,
        @NotNull @Ipv4 String ip,
        @NotNull @HostLabel String hostname) {

    public StaticLease {
        hostname = hostname == null ? "" : hostname;
    }
}
