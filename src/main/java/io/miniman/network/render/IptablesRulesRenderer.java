package io.miniman.network.render;

import java.util.ArrayList;
import java.util.List;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.NetworkSettings;

/**
 * rules.v4 in iptables-save form, restored at boot. The port-80 redirect only matches traffic addressed
 * to the box itself, or every plain-HTTP site a client visits would land on the console. The INPUT
 * rules see the port after the redirect, so the console port is the one accepted from the LAN.
 */
public final class IptablesRulesRenderer {

    private IptablesRulesRenderer() {
    }

    public static String render(NetworkSettings settings) {
        String lan = Checked.iface("LAN interface", settings.lan().iface());
        String box = Checked.ipv4("LAN address", settings.lan().address());
        String subnet = settings.lan().subnet().cidr();
        String uplink = settings.uplink().iface().isEmpty() ? "" : Checked.iface("uplink", settings.uplink().iface());
        FirewallSettings firewall = settings.firewall();

        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        out.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n");
        if (firewall.redirectHttp()) {
            out.append("-A PREROUTING -i ").append(lan).append(" -d ").append(box)
                    .append(" -p tcp -m tcp --dport ").append(FirewallSettings.HTTP_PORT)
                    .append(" -j REDIRECT --to-ports ").append(firewall.consolePort()).append('\n');
        }
        if (settings.uplink().nat()) {
            out.append("-A POSTROUTING -s ").append(subnet)
                    .append(uplink.isEmpty() ? " ! -o " + lan : " -o " + uplink).append(" -j MASQUERADE\n");
        }
        out.append("COMMIT\n");

        out.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
        out.append("-A INPUT -i lo -j ACCEPT\n");
        List<Integer> managed = managementPorts(firewall);
        for (int port : managed) {
            out.append("-A INPUT -i ").append(lan).append(" -p tcp -m tcp --dport ").append(port)
                    .append(" -j ACCEPT\n");
        }
        for (int port : managed) {
            out.append("-A INPUT -p tcp -m tcp --dport ").append(port).append(" -j DROP\n");
        }
        if (settings.uplink().ipForwarding()) {
            out.append("-A FORWARD -i ").append(lan).append(uplink.isEmpty() ? "" : " -o " + uplink)
                    .append(" -j ACCEPT\n");
            out.append("-A FORWARD").append(uplink.isEmpty() ? "" : " -i " + uplink).append(" -o ").append(lan)
                    .append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        }
        out.append("COMMIT\n");
        return out.toString();
    }

    private static List<Integer> managementPorts(FirewallSettings firewall) {
        List<Integer> ports = new ArrayList<>();
        ports.add(FirewallSettings.HTTP_PORT);
        if (firewall.consolePort() != FirewallSettings.HTTP_PORT) {
            ports.add(firewall.consolePort());
        }
        if (firewall.sshLanOnly() && !ports.contains(firewall.sshPort())) {
            ports.add(firewall.sshPort());
        }
        return ports;
    }
}
