package io.miniman.network.render;

import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;

/**
 * The LAN interface's static address. {@code ConfigureWithoutCarrier} because the WiFi interface has no
 * carrier until hostapd runs, and dnsmasq's bind-interfaces needs the address before that.
 */
public final class NetworkdConfigRenderer {

    private NetworkdConfigRenderer() {
    }

    public static String render(NetworkSettings settings) {
        LanSettings lan = settings.lan();
        String address = Checked.ipv4("LAN address", lan.address());
        return RenderHeader.LINE
                + "[Match]\n"
                + "Name=" + Checked.iface("LAN interface", lan.iface()) + "\n"
                + "\n"
                + "[Link]\n"
                + "RequiredForOnline=no\n"
                + "\n"
                + "[Network]\n"
                + "Address=" + address + "/" + Checked.prefixLength(lan.prefixLength()) + "\n"
                + "ConfigureWithoutCarrier=yes\n"
                + "LinkLocalAddressing=no\n"
                + "IPv6AcceptRA=no\n";
    }
}
