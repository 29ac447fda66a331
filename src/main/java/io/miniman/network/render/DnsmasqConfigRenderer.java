package io.miniman.network.render;

import io.miniman.network.settings.Ipv4Subnet;
import io.miniman.network.settings.LanSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.StaticLease;
import io.miniman.network.settings.validation.NetworkText;

/**
 * dnsmasq for the LAN only. {@code bind-interfaces} plus {@code except-interface=lo} keeps it off every
 * other interface, loopback included (dnsmasq adds lo by itself whenever {@code interface=} is given).
 * dnsmasq strips quotes and treats '#' after blank space as a comment, so every value here must be a
 * plain token of its grammar: addresses, MACs, names.
 */
public final class DnsmasqConfigRenderer {

    private DnsmasqConfigRenderer() {
    }

    public static String render(NetworkSettings settings) {
        LanSettings lan = settings.lan();
        Ipv4Subnet subnet = Ipv4Subnet.of(Checked.ipv4("LAN address", lan.address()),
                Checked.prefixLength(lan.prefixLength()));
        String box = lan.address();
        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        out.append("interface=").append(Checked.iface("LAN interface", lan.iface())).append('\n');
        out.append("except-interface=lo\n");
        out.append("bind-interfaces\n");
        out.append("domain-needed\n");
        out.append("bogus-priv\n");
        out.append("no-resolv\n");
        for (String server : lan.dnsServers()) {
            out.append("server=").append(Checked.ipv4("DNS server", server)).append('\n');
        }
        String domain = Checked.token("domain", lan.domain(), NetworkText::isDomainName);
        out.append("domain=").append(domain).append('\n');
        out.append("local=/").append(domain).append("/\n");
        out.append("expand-hosts\n");
        out.append("dhcp-authoritative\n");
        out.append("dhcp-range=").append(Checked.ipv4("range start", lan.rangeStart())).append(',')
                .append(Checked.ipv4("range end", lan.rangeEnd())).append(',').append(subnet.netmask()).append(',')
                .append(leaseTime(lan.leaseMinutes())).append('\n');
        out.append("dhcp-option=option:router,").append(box).append('\n');
        out.append("dhcp-option=option:dns-server,").append(box).append('\n');
        for (StaticLease lease : lan.staticLeases()) {
            out.append("dhcp-host=").append(Checked.mac("lease MAC", lease.mac())).append(',')
                    .append(Checked.ipv4("lease IP", lease.ip()));
            if (!lease.hostname().isEmpty()) {
                out.append(',').append(Checked.token("lease hostname", lease.hostname(), NetworkText::isHostLabel));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String leaseTime(int minutes) {
        if (minutes < 2) {
            throw new UnsafeValueException("lease time");
        }
        return minutes % 60 == 0 ? minutes / 60 + "h" : minutes + "m";
    }
}
