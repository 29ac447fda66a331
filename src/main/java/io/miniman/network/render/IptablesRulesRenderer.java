package io.miniman.network.render;

import java.util.ArrayList;
import java.util.List;

import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.NetworkSettings;

/**
 * rules.v4 and rules.v6 in iptables-save form, loaded at boot and on apply with
 * {@code iptables-restore --noflush}. Docker keeps its own chains (DOCKER, DOCKER-USER, its jumps from
 * FORWARD and the nat table) in the same tables: a plain restore would flush them while FORWARD stays
 * DROP and every published port would break. So every rule of ours lives in chains of our own, which
 * a restore flushes and refills, hooked from the built-in chains. A restore file cannot say "add this
 * jump unless it is there", so the loader (the helper's {@code iptables-load}) removes the old jumps
 * before it restores.
 *
 * <p>DOCKER-USER is not hooked: Docker creates it only when dockerd starts, after this firewall at
 * boot, and naming it in a {@code --noflush} restore would flush the rules an admin keeps there. Our
 * forwarding rules are appended to FORWARD, after Docker's own jumps, and only ever accept.
 *
 * <p>The port-80 redirect only matches traffic addressed to the box itself, or every plain-HTTP site a
 * client visits would land on the console; it is for boxes without nginx in front. The INPUT rules see
 * the port after the redirect, so the console port is accepted from the LAN only when the redirect
 * sends traffic there. Management ports are answered with a TCP reset from anywhere but the LAN and
 * loopback, so a client is told at once rather than left to time out.
 */
public final class IptablesRulesRenderer {

    static final String INPUT_CHAIN = "MINIMAN-INPUT";
    static final String FORWARD_CHAIN = "MINIMAN-FWD";
    static final String PREROUTING_CHAIN = "MINIMAN-PREROUTING";
    static final String POSTROUTING_CHAIN = "MINIMAN-POSTROUTING";

    private IptablesRulesRenderer() {
    }

    public static String render(NetworkSettings settings) {
        String lan = Checked.iface("LAN interface", settings.lan().iface());
        String box = Checked.ipv4("LAN address", settings.lan().address());
        String subnet = settings.lan().subnet().cidr();
        String uplink = uplink(settings);
        FirewallSettings firewall = settings.firewall();

        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        out.append("*nat\n");
        chain(out, PREROUTING_CHAIN);
        chain(out, POSTROUTING_CHAIN);
        if (firewall.redirectHttp()) {
            out.append("-A ").append(PREROUTING_CHAIN).append(" -i ").append(lan).append(" -d ").append(box)
                    .append(" -p tcp -m tcp --dport ").append(FirewallSettings.HTTP_PORT)
                    .append(" -j REDIRECT --to-ports ").append(firewall.consolePort()).append('\n');
        }
        if (settings.uplink().nat()) {
            out.append("-A ").append(POSTROUTING_CHAIN).append(" -s ").append(subnet)
                    .append(uplink.isEmpty() ? " ! -o " + lan : " -o " + uplink).append(" -j MASQUERADE\n");
        }
        out.append("-A PREROUTING -j ").append(PREROUTING_CHAIN).append('\n');
        out.append("-A POSTROUTING -j ").append(POSTROUTING_CHAIN).append('\n');
        out.append("COMMIT\n");

        out.append("*filter\n");
        // the one built-in chain whose policy we own: nothing is forwarded unless a rule says so
        out.append(":FORWARD DROP [0:0]\n");
        chain(out, INPUT_CHAIN);
        chain(out, FORWARD_CHAIN);
        input(out, lan, firewall);
        if (settings.uplink().ipForwarding()) {
            out.append("-A ").append(FORWARD_CHAIN).append(" -i ").append(lan)
                    .append(uplink.isEmpty() ? "" : " -o " + uplink).append(" -j ACCEPT\n");
            out.append("-A ").append(FORWARD_CHAIN).append(uplink.isEmpty() ? "" : " -i " + uplink)
                    .append(" -o ").append(lan).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        }
        out.append("-I INPUT 1 -j ").append(INPUT_CHAIN).append('\n');
        out.append("-A FORWARD -j ").append(FORWARD_CHAIN).append('\n');
        out.append("COMMIT\n");
        return out.toString();
    }

    /**
     * rules.v6: the box forwards no IPv6, but it answers on it, so the console and SSH get the same
     * LAN-only rule as over IPv4.
     */
    public static String renderV6(NetworkSettings settings) {
        String lan = Checked.iface("LAN interface", settings.lan().iface());
        StringBuilder out = new StringBuilder(RenderHeader.LINE);
        out.append("*filter\n");
        chain(out, INPUT_CHAIN);
        input(out, lan, settings.firewall());
        out.append("-I INPUT 1 -j ").append(INPUT_CHAIN).append('\n');
        out.append("COMMIT\n");
        return out.toString();
    }

    private static String uplink(NetworkSettings settings) {
        return settings.uplink().iface().isEmpty() ? "" : Checked.iface("uplink", settings.uplink().iface());
    }

    private static void chain(StringBuilder out, String name) {
        out.append(':').append(name).append(" - [0:0]\n");
    }

    private static void input(StringBuilder out, String lan, FirewallSettings firewall) {
        out.append("-A ").append(INPUT_CHAIN).append(" -i lo -j ACCEPT\n");
        // an SSH session open while the firewall is (re)loaded stays open
        out.append("-A ").append(INPUT_CHAIN).append(" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n");
        List<Integer> fromLan = lanPorts(firewall);
        for (int port : fromLan) {
            out.append("-A ").append(INPUT_CHAIN).append(" -i ").append(lan).append(" -p tcp -m tcp --dport ")
                    .append(port).append(" -j ACCEPT\n");
        }
        for (int port : closedPorts(firewall)) {
            out.append("-A ").append(INPUT_CHAIN).append(" -p tcp -m tcp --dport ").append(port)
                    .append(" -j REJECT --reject-with tcp-reset\n");
        }
    }

    /** Ports a LAN client may open: the web ports, the console's when the redirect leads there, SSH. */
    private static List<Integer> lanPorts(FirewallSettings firewall) {
        List<Integer> ports = new ArrayList<>();
        ports.add(FirewallSettings.HTTP_PORT);
        ports.add(FirewallSettings.HTTPS_PORT);
        if (firewall.redirectHttp()) {
            addOnce(ports, firewall.consolePort());
        }
        if (firewall.sshLanOnly()) {
            addOnce(ports, firewall.sshPort());
        }
        return ports;
    }

    /** Ports refused from everywhere else; the console's own port always, even when only nginx reaches it. */
    private static List<Integer> closedPorts(FirewallSettings firewall) {
        List<Integer> ports = new ArrayList<>(lanPorts(firewall));
        addOnce(ports, firewall.consolePort());
        return ports;
    }

    private static void addOnce(List<Integer> ports, int port) {
        if (!ports.contains(port)) {
            ports.add(port);
        }
    }
}
