package io.miniman.network.render;

import java.util.List;
import java.util.Map;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.StaticLease;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.settings.WifiBand;
import io.miniman.network.settings.WifiSecurity;
import io.miniman.network.settings.WifiSettings;

/** The defaults and a spread of valid settings that exercise every branch of the renderers. */
public final class SampleSettings {

    public static final NetworkSettings DEFAULTS = NetworkSettings.defaults("correct horse battery");

    /** 5 GHz, WPA3, a /8 LAN, leases, hidden, isolated, no uplink named, SSH restricted. */
    public static final NetworkSettings FIVE_GHZ_WPA3 = new NetworkSettings(
            new WifiSettings("wlan1", "Garden 5G", "pa ss=#\"word'", WifiSecurity.WPA3_SAE, "US", WifiBand.GHZ_5, 149,
                    true, 8, true, List.of("02:00:00:00:00:99", "02:AA:BB:CC:DD:EE")),
            new LanSettings("wlan1", "10.0.0.1", 8, "10.0.1.1", "10.0.1.254", 90, List.of("1.1.1.1"),
                    "home.arpa", List.of(new StaticLease("02:00:00:00:00:01", "10.0.0.20", "printer"),
                            new StaticLease("02:00:00:00:00:02", "10.0.0.21", ""))),
            new UplinkSettings("", true, true),
            new FirewallSettings(8000, true, true, 2222));

    /** Transition mode, automatic channel, a UTF-8 SSID full of config syntax, raw PSK refused there, so a passphrase; no NAT, no forwarding, no redirect. */
    public static final NetworkSettings TRANSITION_NO_NAT = new NetworkSettings(
            new WifiSettings("wlan0", "Café #1 = \"x\" ☕", "12345678", WifiSecurity.WPA2_WPA3, "CA",
                    WifiBand.GHZ_2_4, 0, false, 2007, false, List.of()),
            new LanSettings("wlan0", "172.16.5.254", 28, "172.16.5.241", "172.16.5.250", 2, List.of("9.9.9.9",
                    "149.112.112.112"), "lan", List.of()),
            new UplinkSettings("enp1s0", false, false),
            new FirewallSettings(8080, false, false, 22));

    /** WPA2 with a raw 64-hex PSK and a hand-picked uplink. */
    public static final NetworkSettings HEX_PSK = DEFAULTS.withWifi(DEFAULTS.wifi().withPassphrase(
            "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef"));

    public static final Map<String, NetworkSettings> ALL = Map.of(
            "defaults", DEFAULTS,
            "five-ghz-wpa3", FIVE_GHZ_WPA3,
            "transition-no-nat", TRANSITION_NO_NAT,
            "hex-psk", HEX_PSK);

    private SampleSettings() {
    }
}
