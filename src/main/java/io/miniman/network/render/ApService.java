package io.miniman.network.render;

/**
 * What has to happen on the box after a managed file changed. The helper script keeps its own
 * allowlist of these; {@code helperArgs} is the verb and argument it is called with. The order of the
 * constants is the order of the steps: address first, DNS and DHCP next, the radio last, so that
 * clients reassociate onto a LAN that is already there.
 */
public enum ApService {
    NETWORKD("systemd-networkd", "restart", "systemd-networkd"),
    SYSCTL("IP forwarding", "sysctl", "/etc/sysctl.d/90-miniman-forwarding.conf"),
    IPTABLES("iptables rules", "iptables-load", "/etc/iptables/rules.v4"),
    RESOLVED("systemd-resolved", "restart", "systemd-resolved"),
    DNSMASQ("dnsmasq", "restart", "dnsmasq"),
    HOSTAPD("hostapd", "restart", "hostapd");

    private final String label;
    private final String verb;
    private final String argument;

    ApService(String label, String verb, String argument) {
        this.label = label;
        this.verb = verb;
        this.argument = argument;
    }

    public String label() {
        return label;
    }

    public String verb() {
        return verb;
    }

    public String argument() {
        return argument;
    }
}
