package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.RunningCommand;
import io.miniman.network.settings.Ipv4Subnet;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.StaticLease;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.testsupport.ScratchNetns;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered files doing their job between two namespaces joined by a veth pair: "ap" plays the box
 * (LAN interface at the LAN address), "client" a phone. Nothing leaves the namespaces.
 */
class NamespaceRoundTripTest {

    private static final CommandRunner RUNNER = new CommandRunner();
    private static final String LEASED_MAC = "02:00:00:00:00:42";
    private static final String LEASED_IP = "192.168.50.42";

    @TempDir
    Path dir;

    /** Two namespaces and a veth pair; the settings' LAN interface is the ap's end. */
    private record Lan(ScratchNetns ap, ScratchNetns client, String apEnd, String clientEnd) implements AutoCloseable {
        static Lan create(String address, int prefix) {
            ScratchNetns ap = ScratchNetns.create("mmap");
            ScratchNetns client = null;
            try {
                client = ScratchNetns.create("mmcl");
                String apEnd = ScratchNetns.uniqueIfname("mva");
                String clientEnd = ScratchNetns.uniqueIfname("mvc");
                ScratchNetns.must(List.of("ip", "link", "add", apEnd, "netns", ap.name(), "type", "veth", "peer",
                        "name", clientEnd, "netns", client.name()));
                ap.exec("ip", "addr", "add", address + "/" + prefix, "dev", apEnd);
                ap.exec("ip", "link", "set", apEnd, "up");
                client.exec("ip", "link", "set", clientEnd, "up");
                return new Lan(ap, client, apEnd, clientEnd);
            } catch (RuntimeException | AssertionError e) {
                ap.close();
                if (client != null) {
                    client.close();
                }
                throw e;
            }
        }

        @Override
        public void close() {
            // deleting a namespace deletes the veth end inside it, and with it the peer
            ap.close();
            client.close();
        }
    }

    private NetworkSettings settingsFor(Lan lan) {
        NetworkSettings defaults = SampleSettings.DEFAULTS;
        return defaults.withLan(defaults.lan().withIface(lan.apEnd())
                .withStaticLeases(List.of(new StaticLease(LEASED_MAC, LEASED_IP, "phone"))))
                .withUplink(new UplinkSettings("", true, true));
    }

    @Test
    void dhcpFromTheRenderedDnsmasqConfig() throws Exception {
        Requires.program("dnsmasq");
        Requires.program("busybox");
        try (Lan lan = Lan.create("192.168.50.1", 24)) {
            NetworkSettings settings = settingsFor(lan);
            Path rendered = Files.writeString(dir.resolve("miniman.conf"), DnsmasqConfigRenderer.render(settings));
            // what the box's service gives dnsmasq, not what we render: its own user, ports and state files
            Path overlay = Files.writeString(dir.resolve("test-overlay.conf"), String.join("\n",
                    "conf-file=" + rendered, "user=root", "port=0", "dhcp-leasefile=" + dir.resolve("leases"),
                    "pid-file=" + dir.resolve("dnsmasq.pid"), ""));
            List<String> dnsmasqLog = new CopyOnWriteArrayList<>();
            try (RunningCommand dnsmasq = RUNNER.start(List.of("ip", "netns", "exec", lan.ap().name(), "dnsmasq",
                    "--no-daemon", "--log-dhcp", "--conf-file=" + overlay), Duration.ofMinutes(2), dnsmasqLog::add)) {

                Map<String, String> dynamic = lease(lan);
                assertThat(dynamic).as("dnsmasq said: %s", dnsmasqLog).containsKey("ip");
                long ip = Ipv4Subnet.toLong(dynamic.get("ip")).orElseThrow();
                assertThat(ip).isBetween(Ipv4Subnet.toLong("192.168.50.10").orElseThrow(),
                        Ipv4Subnet.toLong("192.168.50.100").orElseThrow());
                assertThat(dynamic.get("router")).isEqualTo("192.168.50.1");
                assertThat(dynamic.get("dns")).isEqualTo("192.168.50.1");
                assertThat(dynamic.get("subnet")).isEqualTo("255.255.255.0");
                assertThat(dynamic.get("lease")).isEqualTo(String.valueOf(12 * 3600));
                assertThat(dynamic.get("domain")).isEqualTo("lan");

                lan.client().exec("ip", "link", "set", lan.clientEnd(), "down");
                lan.client().exec("ip", "link", "set", lan.clientEnd(), "address", LEASED_MAC);
                lan.client().exec("ip", "link", "set", lan.clientEnd(), "up");
                assertThat(lease(lan)).as("dnsmasq said: %s", dnsmasqLog).containsEntry("ip", LEASED_IP);
                assertThat(dnsmasq.isAlive()).isTrue();
            }
        }
    }

    /** One udhcpc run; the script records what the client was offered. */
    private Map<String, String> lease(Lan lan) throws IOException {
        Path out = dir.resolve("offer-" + System.nanoTime());
        Path script = dir.resolve("udhcpc-script");
        Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = bound ]; then env > " + out + "; fi\n");
        script.toFile().setExecutable(true);
        // the first DISCOVERs on a fresh veth are often lost: several tries
        CommandResult result = lan.client().run("busybox", "udhcpc", "-i", lan.clientEnd(), "-f", "-q", "-n",
                "-t", "8", "-T", "1", "-s", script.toString());
        Map<String, String> env = new HashMap<>();
        if (Files.exists(out)) {
            Files.readAllLines(out).stream().filter(line -> line.contains("=")).forEach(line ->
                    env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        }
        env.put("udhcpc output", result.stdout() + result.stderr());
        return env;
    }

    @Test
    void renderedRulesSendPort80ToTheConsoleAndKeepItOffOtherInterfaces() throws Exception {
        Requires.program("iptables-restore");
        Requires.program("busybox");
        Requires.program("curl");
        try (Lan lan = Lan.create("192.168.50.1", 24)) {
            NetworkSettings settings = settingsFor(lan);
            Path rules = Files.writeString(dir.resolve("rules.v4"), IptablesRulesRenderer.render(settings));
            lan.ap().exec("iptables-restore", "--noflush", rules.toString());
            lan.client().exec("ip", "addr", "add", "192.168.50.77/24", "dev", lan.clientEnd());

            // a second link into the box, standing in for the uplink side
            String upAp = ScratchNetns.uniqueIfname("mvu");
            String upOut = ScratchNetns.uniqueIfname("mvo");
            ScratchNetns.must(List.of("ip", "link", "add", upAp, "netns", lan.ap().name(), "type", "veth", "peer",
                    "name", upOut, "netns", lan.client().name()));
            lan.ap().exec("ip", "addr", "add", "198.51.100.1/24", "dev", upAp);
            lan.ap().exec("ip", "link", "set", upAp, "up");
            lan.client().exec("ip", "addr", "add", "198.51.100.2/24", "dev", upOut);
            lan.client().exec("ip", "link", "set", upOut, "up");

            Path www = Files.createDirectories(dir.resolve("www"));
            Files.writeString(www.resolve("index.html"), "console on 8000\n");
            try (RunningCommand console = RUNNER.start(List.of("ip", "netns", "exec", lan.ap().name(), "busybox",
                    "httpd", "-f", "-p", "8000", "-h", www.toString()), Duration.ofMinutes(2), line -> { })) {
                lan.ap().awaitListening(8000);
                CommandResult viaRedirect = fetch(lan, "http://192.168.50.1:80/");
                assertThat(viaRedirect.stdout()).as(viaRedirect.stderr()).isEqualTo("console on 8000\n");
                assertThat(fetch(lan, "http://192.168.50.1:8000/").stdout()).isEqualTo("console on 8000\n");

                CommandResult fromUplink = fetch(lan, "http://198.51.100.1:8000/");
                assertThat(fromUplink.ok()).as("the console port from a non-LAN interface").isFalse();
                // curl's 7 is "could not connect" (the reset); a silent drop would be 28, the timeout
                assertThat(fromUplink.exitCode()).as("refused at once, not left to time out").isEqualTo(7);
                String counters = lan.ap().exec("iptables", "-L", "MINIMAN-INPUT", "-v", "-n", "-x").stdout();
                assertThat(counters.lines().filter(line -> line.contains("REJECT") && line.contains("dpt:8000"))
                        .findFirst().orElseThrow().strip().split("\\s+")[0]).isNotEqualTo("0");
                assertThat(console.isAlive()).isTrue();
            }
        }
    }

    private static CommandResult fetch(Lan lan, String url) {
        // curl, not busybox wget: the static busybox's wget crashes on Debian 12
        return lan.client().run("curl", "-sS", "--max-time", "3", url);
    }
}
