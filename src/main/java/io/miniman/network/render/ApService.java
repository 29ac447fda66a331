package io.miniman.network.render;

import java.util.List;

/**
 * What has to happen on the box after a managed file changed, as the helper verb that does it (the
 * helper keeps its own allowlist). The order of the constants is the order of the steps: address
 * first, DNS and DHCP next, the radio last, so that clients reassociate onto a LAN that is ready.
 */
public enum ApService {
    NETWORKD("restart systemd-networkd", "service", "restart", "systemd-networkd"),
    SYSCTL("load the forwarding sysctl", "sysctl"),
    IPTABLES("load the firewall rules", "iptables-load"),
    RESOLVED("restart systemd-resolved", "service", "restart", "systemd-resolved"),
    DNSMASQ("restart dnsmasq", "service", "restart", "dnsmasq"),
    HOSTAPD("restart hostapd", "service", "restart", "hostapd");

    private final String label;
    private final List<String> helperCommand;

    ApService(String label, String... helperCommand) {
        this.label = label;
        this.helperCommand = List.of(helperCommand);
    }

    public String label() {
        return label;
    }

    /** The helper's verb and its arguments. */
    public List<String> helperCommand() {
        return helperCommand;
    }
}
