package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.RunningCommand;
import io.miniman.network.settings.FirewallSettings;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.settings.UplinkSettings;
import io.miniman.network.testsupport.ScratchNetns;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker's published ports still answer once the firewall is applied (issue 8). A container cannot run
 * inside the simulated box here, so four namespaces play the parts: "box" holds Docker 20.10's chains
 * and rules for {@code docker run -p 8080:80} on its default bridge, then gets the rendered rules.v4 and
 * rules.v6 through the root helper's own {@code iptables-load} (twice: a reload is what every apply
 * does); "ctr" is the container behind the box's docker0 bridge, "up" a machine on the uplink side and
 * "phone" a WiFi client. Interface names live in the box's namespace, so they are the box's real ones.
 */
@Tag("root")
class DockerPublishedPortsTest {

    private static final CommandRunner RUNNER = new CommandRunner();
    private static final Path HELPER = Path.of("provisioning/miniman-helper").toAbsolutePath();
    private static final String BOX_WIFI = "192.168.50.1";
    private static final String BOX_UPLINK = "198.51.100.1";
    private static final String UPLINK_HOST = "198.51.100.2";
    private static final String CONTAINER = "172.17.0.2";
    private static final String CONTAINER_PAGE = "nginx in the container\n";
    private static final String UPLINK_PAGE = "a server beyond the uplink\n";

    /**
     * What dockerd 20.10 adds for one container published with {@code -p 8080:80}: the chains and jumps
     * are this machine's own dockerd's ({@code iptables-save}), the DNAT, ACCEPT and hairpin MASQUERADE
     * lines are the ones it adds per published port. Loaded without flushing, as dockerd adds rules.
     */
    private static final String DOCKER_RULES = """
            *nat
            :DOCKER - [0:0]
            -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
            -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
            -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
            -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
            -A DOCKER -i docker0 -j RETURN
            -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
            COMMIT
            *filter
            :FORWARD DROP [0:0]
            :DOCKER - [0:0]
            :DOCKER-ISOLATION-STAGE-1 - [0:0]
            :DOCKER-ISOLATION-STAGE-2 - [0:0]
            :DOCKER-USER - [0:0]
            -A FORWARD -j DOCKER-USER
            -A FORWARD -j DOCKER-ISOLATION-STAGE-1
            -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
            -A FORWARD -o docker0 -j DOCKER
            -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
            -A FORWARD -i docker0 -o docker0 -j ACCEPT
            -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
            -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
            -A DOCKER-ISOLATION-STAGE-1 -j RETURN
            -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
            -A DOCKER-ISOLATION-STAGE-2 -j RETURN
            -A DOCKER-USER -j RETURN
            COMMIT
            """;

    @TempDir
    static Path dir;

    private static final List<AutoCloseable> CLEANUP = new ArrayList<>();
    private static ScratchNetns box;
    private static ScratchNetns ctr;
    private static ScratchNetns up;
    private static ScratchNetns phone;
    private static List<String> dockerOnly;
    private static List<String> afterFirstLoad;
    private static List<String> afterSecondLoad;

    @BeforeAll
    static void buildTheBox() throws Exception {
        Requires.root();
        for (String program : List.of("iptables", "iptables-save", "iptables-restore", "ip6tables-restore",
                "unshare", "mount", "busybox", "curl", "ss", "sysctl")) {
            Requires.program(program);
        }
        // namespaces are registered for cleanup first, processes after them: closed in reverse, the
        // processes stop before their namespaces go
        box = namespace("mmbox");
        ctr = namespace("mmctr");
        up = namespace("mmup");
        phone = namespace("mmph");
        link(box, "eth0", BOX_UPLINK + "/24", up, "eth0", UPLINK_HOST + "/24", null);
        link(box, "wlan0", BOX_WIFI + "/24", phone, "wlan0", "192.168.50.77/24", BOX_WIFI);
        box.exec("ip", "link", "add", "docker0", "type", "bridge");
        box.exec("ip", "addr", "add", "172.17.0.1/16", "dev", "docker0");
        box.exec("ip", "link", "set", "docker0", "up");
        link(box, "vethc0", null, ctr, "eth0", CONTAINER + "/16", "172.17.0.1");
        box.exec("ip", "link", "set", "vethc0", "master", "docker0");
        // dockerd turns forwarding on; the box's sysctl file does too
        box.exec("sysctl", "-q", "-w", "net.ipv4.ip_forward=1");

        serve(ctr, 80, CONTAINER_PAGE);
        serve(up, 80, UPLINK_PAGE);
        // stand-ins for the console and sshd, so a refusal is the firewall's and not an empty port
        serve(box, 8000, "console\n");
        serve(box, 22, "sshd\n");

        box.exec("iptables-restore", "--noflush", Files.writeString(dir.resolve("docker.v4"), DOCKER_RULES)
                .toString());
        dockerOnly = rules(box);

        NetworkSettings settings = boxSettings();
        Path etc = Files.createDirectories(dir.resolve("etc/iptables"));
        Files.writeString(etc.resolve("rules.v4"), IptablesRulesRenderer.render(settings));
        Files.writeString(etc.resolve("rules.v6"), IptablesRulesRenderer.renderV6(settings));
        helperLoad(dir.resolve("etc"));
        afterFirstLoad = rules(box);
        helperLoad(dir.resolve("etc"));
        afterSecondLoad = rules(box);
    }

    /** What install.sh sets up: nginx owns port 80 (no redirect), SSH from the WiFi only, NAT out of eth0. */
    private static NetworkSettings boxSettings() {
        NetworkSettings defaults = SampleSettings.DEFAULTS;
        return defaults.withLan(defaults.lan().withIface("wlan0"))
                .withUplink(new UplinkSettings("eth0", true, true))
                .withFirewall(new FirewallSettings(8000, false, true, 22));
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (int i = CLEANUP.size() - 1; i >= 0; i--) {
            CLEANUP.get(i).close();
        }
        CLEANUP.clear();
    }

    @Test
    void publishedPortAnswersFromTheUplink() {
        CommandResult page = fetch(up, "http://" + BOX_UPLINK + ":8080/");
        assertThat(page.stdout()).as(page.stderr()).isEqualTo(CONTAINER_PAGE);
    }

    @Test
    void publishedPortAnswersFromTheWifi() {
        CommandResult viaWifiAddress = fetch(phone, "http://" + BOX_WIFI + ":8080/");
        assertThat(viaWifiAddress.stdout()).as(viaWifiAddress.stderr()).isEqualTo(CONTAINER_PAGE);
        CommandResult viaUplinkAddress = fetch(phone, "http://" + BOX_UPLINK + ":8080/");
        assertThat(viaUplinkAddress.stdout()).as(viaUplinkAddress.stderr()).isEqualTo(CONTAINER_PAGE);
    }

    @Test
    void containerAndPhoneStillReachOutThroughTheUplink() {
        CommandResult fromContainer = fetch(ctr, "http://" + UPLINK_HOST + "/");
        assertThat(fromContainer.stdout()).as(fromContainer.stderr()).isEqualTo(UPLINK_PAGE);
        CommandResult fromPhone = fetch(phone, "http://" + UPLINK_HOST + "/");
        assertThat(fromPhone.stdout()).as(fromPhone.stderr()).isEqualTo(UPLINK_PAGE);
    }

    @Test
    void everyDockerRuleSurvivesInItsOrderAndReloadsAddNothing() {
        assertThat(dockerOnly).as("Docker's rules were loaded").contains("-A DOCKER-USER -j RETURN");
        List<String> ours = afterFirstLoad.stream().filter(line -> line.contains("MINIMAN-")).toList();
        assertThat(ours).as("our chains are hooked").contains("-A INPUT -j MINIMAN-INPUT",
                "-A FORWARD -j MINIMAN-FWD", "-A PREROUTING -j MINIMAN-PREROUTING",
                "-A POSTROUTING -j MINIMAN-POSTROUTING");
        assertThat(afterFirstLoad.stream().filter(line -> !line.contains("MINIMAN-")).toList())
                .as("with our lines taken out, the tables are exactly Docker's, in Docker's order")
                .containsExactlyElementsOf(dockerOnly);
        assertThat(afterSecondLoad).as("a second load changes nothing").containsExactlyElementsOf(afterFirstLoad);
    }

    @Test
    void consoleAndSshAreRefusedFromTheUplinkOnly() {
        CommandResult console = fetch(up, "http://" + BOX_UPLINK + ":8000/");
        // curl's 7 is "could not connect": the firewall's reset (a silent drop would be 28, the timeout)
        assertThat(console.exitCode()).as("console port from the uplink: %s", console.stderr()).isEqualTo(7);
        CommandResult ssh = fetch(up, "http://" + BOX_UPLINK + ":22/");
        assertThat(ssh.exitCode()).as("SSH from the uplink: %s", ssh.stderr()).isEqualTo(7);
        assertThat(rejected(22)).isPositive();
        assertThat(rejected(8000)).isPositive();

        assertThat(fetch(phone, "http://" + BOX_WIFI + ":22/").stdout()).as("SSH from the WiFi").isEqualTo("sshd\n");
        // the console itself is up: only nginx on the box reaches it
        assertThat(fetch(box, "http://127.0.0.1:8000/").stdout()).isEqualTo("console\n");
    }

    private static long rejected(int port) {
        String counters = box.exec("iptables", "-L", "MINIMAN-INPUT", "-v", "-n", "-x").stdout();
        return Long.parseLong(counters.lines()
                .filter(line -> line.contains("REJECT") && line.contains("dpt:" + port + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no REJECT for " + port + " in\n" + counters))
                .strip().split("\\s+")[0]);
    }

    /**
     * The helper's own iptables-load, unchanged: it reads /etc/iptables, so in a mount namespace of its
     * own the test's folder is laid over /etc (read-only overlay; the host's /etc is not touched).
     */
    private static void helperLoad(Path etc) {
        box.exec("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t overlay overlay -o \"lowerdir=$1:/etc\" /etc && exec \"$2\" iptables-load",
                "sh", etc.toString(), HELPER.toString());
    }

    /** Both tables, without comments and counters, in order. */
    private static List<String> rules(ScratchNetns ns) {
        return ns.exec("iptables-save").stdout().lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.replaceAll(" \\[\\d+:\\d+\\]$", ""))
                .toList();
    }

    private static ScratchNetns namespace(String prefix) {
        ScratchNetns ns = ScratchNetns.create(prefix);
        CLEANUP.add(ns);
        return ns;
    }

    /** A veth pair made inside {@code a}, its peer created straight in {@code b}; null: no address/route. */
    private static void link(ScratchNetns a, String aName, String aAddress, ScratchNetns b, String bName,
            String bAddress, String bGateway) {
        a.exec("ip", "link", "add", aName, "type", "veth", "peer", "name", bName, "netns", b.name());
        if (aAddress != null) {
            a.exec("ip", "addr", "add", aAddress, "dev", aName);
        }
        a.exec("ip", "link", "set", aName, "up");
        b.exec("ip", "addr", "add", bAddress, "dev", bName);
        b.exec("ip", "link", "set", bName, "up");
        if (bGateway != null) {
            b.exec("ip", "route", "add", "default", "via", bGateway);
        }
    }

    private static void serve(ScratchNetns ns, int port, String page) throws IOException, InterruptedException {
        Path www = Files.createDirectories(dir.resolve("www-" + ns.name() + "-" + port));
        Files.writeString(www.resolve("index.html"), page);
        RunningCommand server = RUNNER.start(List.of("ip", "netns", "exec", ns.name(), "busybox", "httpd", "-f",
                "-p", String.valueOf(port), "-h", www.toString()), Duration.ofMinutes(2), line -> { });
        CLEANUP.add(server);
        ns.awaitListening(port);
    }

    private static CommandResult fetch(ScratchNetns from, String url) {
        // curl, not busybox wget: the static busybox's wget crashes on Debian 12
        return from.run("curl", "-sS", "--max-time", "3", url);
    }
}
