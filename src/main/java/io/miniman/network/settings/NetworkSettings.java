package io.miniman.network.settings;

import io.miniman.network.settings.validation.ConsistentNetwork;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Everything the access point files are rendered from; stored as one document. */
@ConsistentNetwork
public record NetworkSettings(
        @NotNull @Valid WifiSettings wifi,
        @NotNull @Valid LanSettings lan,
        @NotNull @Valid UplinkSettings uplink,
        @NotNull @Valid FirewallSettings firewall) {

    public static NetworkSettings defaults(String passphrase) {
        return new NetworkSettings(WifiSettings.defaults(passphrase), LanSettings.defaults(),
                UplinkSettings.defaults(), FirewallSettings.defaults());
    }

    public NetworkSettings withWifi(WifiSettings value) {
        return new NetworkSettings(value, lan, uplink, firewall);
    }

    public NetworkSettings withLan(LanSettings value) {
        return new NetworkSettings(wifi, value, uplink, firewall);
    }

    public NetworkSettings withUplink(UplinkSettings value) {
        return new NetworkSettings(wifi, lan, value, firewall);
    }

    public NetworkSettings withFirewall(FirewallSettings value) {
        return new NetworkSettings(wifi, lan, uplink, value);
    }
}
