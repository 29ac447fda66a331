package io.miniman.network.render;

import java.util.Locale;

import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.WifiBand;
import io.miniman.network.settings.WifiSettings;
import io.miniman.network.settings.validation.Channels;
import io.miniman.network.settings.validation.NetworkText;

/**
 * hostapd.conf. hostapd takes everything after the first '=' up to the end of the line literally (no
 * quoting, no inline comments), so a value is safe exactly when it has no line break or NUL; '=', '#'
 * and quotes inside the SSID or passphrase stay part of the value.
 */
public final class HostapdConfigRenderer {

    public static final String CTRL_INTERFACE = "/var/run/hostapd";

    private HostapdConfigRenderer() {
    }

    public static String render(NetworkSettings settings) {
        WifiSettings wifi = settings.wifi();
        String country = Checked.token("country", wifi.country(), NetworkText::isCountry);
        if (!Channels.allowed(wifi.band(), country).contains(wifi.channel())) {
            throw new UnsafeValueException("channel");
        }
        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        line(out, "interface", Checked.iface("wifi interface", wifi.iface()));
        line(out, "driver", "nl80211");
        line(out, "ctrl_interface", CTRL_INTERFACE);
        line(out, "ctrl_interface_group", "0");
        line(out, "ssid", Checked.token("ssid", wifi.ssid(), NetworkText::isSsid));
        line(out, "utf8_ssid", "1");
        line(out, "ignore_broadcast_ssid", wifi.hidden() ? "1" : "0");
        line(out, "country_code", country);
        line(out, "ieee80211d", "1");
        line(out, "hw_mode", wifi.band() == WifiBand.GHZ_5 ? "a" : "g");
        line(out, "channel", Integer.toString(wifi.channel()));
        line(out, "ieee80211n", "1");
        if (wifi.band() == WifiBand.GHZ_5) {
            line(out, "ieee80211ac", "1");
        }
        line(out, "wmm_enabled", "1");
        line(out, "max_num_sta", Integer.toString(wifi.maxClients()));
        line(out, "ap_isolate", wifi.clientIsolation() ? "1" : "0");
        line(out, "macaddr_acl", "0");
        line(out, "deny_mac_file", ManagedFile.HOSTAPD_DENY.devicePath());
        line(out, "auth_algs", "1");
        line(out, "wpa", "2");
        line(out, "rsn_pairwise", "CCMP");
        String passphrase = Checked.token("passphrase", wifi.passphrase(), NetworkText::isPassphrase);
        switch (wifi.security()) {
            case WPA2_PSK -> line(out, "wpa_key_mgmt", "WPA-PSK");
            case WPA2_WPA3 -> {
                line(out, "wpa_key_mgmt", "WPA-PSK SAE");
                line(out, "ieee80211w", "1");
            }
            case WPA3_SAE -> {
                line(out, "wpa_key_mgmt", "SAE");
                line(out, "ieee80211w", "2");
            }
        }
        if (NetworkText.isHexPsk(passphrase)) {
            if (wifi.security().usesSae()) {
                throw new UnsafeValueException("passphrase");
            }
            line(out, "wpa_psk", passphrase.toLowerCase(Locale.ROOT));
        } else {
            line(out, "wpa_passphrase", passphrase);
        }
        return out.toString();
    }

    /** hostapd.deny: one MAC per line. */
    public static String renderDenyList(NetworkSettings settings) {
        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        for (String mac : settings.wifi().blockedMacs()) {
            out.append(Checked.mac("blocked MAC", mac)).append('\n');
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
