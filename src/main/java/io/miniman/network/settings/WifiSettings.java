package io.miniman.network.settings;

import java.util.List;

import io.miniman.network.settings.validation.ConsistentWifi;
import io.miniman.network.settings.validation.CountryCode;
import io.miniman.network.settings.validation.InterfaceName;
import io.miniman.network.settings.validation.MacAddress;
import io.miniman.network.settings.validation.Passphrase;
import io.miniman.network.settings.validation.Ssid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The access point. {@code channel} 0 means automatic selection; {@code blockedMacs} is hostapd's
 * deny list, kept here so that blocking a client goes through the same apply-and-confirm path as
 * every other change (an admin can block their own phone).
 */
@ConsistentWifi
public record WifiSettings(
        @NotNull @InterfaceName String iface,
        @NotNull @Ssid String ssid,
        @NotNull @Passphrase String passphrase,
        @NotNull WifiSecurity security,
        @NotNull @CountryCode String country,
        @NotNull WifiBand band,
        int channel,
        boolean hidden,
        @Min(1) @Max(2007) int maxClients,
        boolean clientIsolation,
        @NotNull List<@NotNull @MacAddress String> blockedMacs) {

    public static final int AUTO_CHANNEL = 0;

    public WifiSettings {
        blockedMacs = blockedMacs == null ? List.of() : List.copyOf(blockedMacs);
    }

    /** There is no literal default passphrase: the first one is generated (see InitialPassphrase). */
    public static WifiSettings defaults(String passphrase) {
        return new WifiSettings("wlan0", "miniman", passphrase, WifiSecurity.WPA2_PSK, "DE",
                WifiBand.GHZ_2_4, 6, false, 32, false, List.of());
    }

    @Override
    public String toString() {
        return "WifiSettings[iface=" + iface + ", ssid=" + ssid + ", passphrase=******, security=" + security
                + ", country=" + country + ", band=" + band + ", channel=" + channel + ", hidden=" + hidden
                + ", maxClients=" + maxClients + ", clientIsolation=" + clientIsolation
                + ", blockedMacs=" + blockedMacs + "]";
    }

    public WifiSettings withSsid(String value) {
        return new WifiSettings(iface, value, passphrase, security, country, band, channel, hidden, maxClients,
                clientIsolation, blockedMacs);
    }

    public WifiSettings withPassphrase(String value) {
        return new WifiSettings(iface, ssid, value, security, country, band, channel, hidden, maxClients,
                clientIsolation, blockedMacs);
    }

    public WifiSettings withBlockedMacs(List<String> value) {
        return new WifiSettings(iface, ssid, passphrase, security, country, band, channel, hidden, maxClients,
                clientIsolation, value);
    }
}
