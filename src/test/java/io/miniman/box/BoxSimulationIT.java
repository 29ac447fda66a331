package io.miniman.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.miniman.browser.ConsoleSession;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.network.settings.Ipv4Subnet;
import io.miniman.network.testsupport.ScratchNetns;
import io.miniman.system.service.JournalLine;
import io.miniman.system.service.ServicesProperties;
import io.miniman.system.service.SystemdReadings;
import io.miniman.system.service.UnitStatus;
import io.miniman.testsupport.Requires;
import io.miniman.update.ReleaseVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * provisioning/install.sh on a whole simulated Debian 12 box (systemd as PID 1, real apt from Debian's
 * mirror), checked from a "phone" namespace on the other end of the box's wlan0 and from the uplink side
 * (the host, on Docker's bridge). The steps build on each other, in order: install, use, reinstall,
 * restart, reset. Run alone:
 * {@code ./mvnw -B -ntp verify -Dit.test=BoxSimulationIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * The debootstrap root and the box's apt archives are cached under /var/cache/miniman-box
 * ({@code -Dminiman.box.cache=DIR}); {@code -Dminiman.box.keep=true} leaves the box running afterwards.
 */
@Tag("box")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoxSimulationIT {

    private static final String IMAGE = "miniman-box:12";
    /** Overridable so two engineers (or two branches) can boot boxes side by side on one engine. */
    private static final String BOX = System.getProperty("miniman.box.name", "miniman-box-it");
    private static final String LAN = "192.168.50.1";
    private static final CommandRunner RUNNER = new CommandRunner();

    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private Path cache;
    private Path work;
    private SimulatedBox box;
    private Phone phone;
    private CommandResult firstInstall;
    private String managedFilesAfterInstall;
    /** The admin's password as it stands: the first one until the browser replaces it. */
    private String adminPassword;
    private Path packagedJar;

    @BeforeAll
    void bootTheBoxAndInstall() throws IOException {
        Requires.root();
        Requires.program("docker");
        Requires.program("nsenter");
        Requires.program("busybox");
        Requires.program("curl");
        Requires.that(RUNNER.run(List.of("docker", "info"), Duration.ofSeconds(20)).ok(), "a Docker engine that answers");
        cache = Path.of(System.getProperty("miniman.box.cache", "/var/cache/miniman-box"));
        Requires.that(Files.isRegularFile(cache.resolve("bookworm-minbase.tar")) || CommandRunner.which("debootstrap")
                .isPresent(), "debootstrap (apt-get install debootstrap) or a cached root in " + cache);
        Path jar = Path.of(System.getProperty("miniman.jar", "target/miniman.jar")).toAbsolutePath();
        Requires.that(Files.isRegularFile(jar), "the packaged jar " + jar + " (run ./mvnw package first)");
        packagedJar = jar;
        Files.createDirectories(cache.resolve("apt-archives"));
        work = Files.createTempDirectory("miniman-box");

        timed("image", () -> SimulatedBox.must(List.of(Path.of("src/test/box/box-image.sh").toAbsolutePath().toString(),
                IMAGE, cache.toString()), Duration.ofMinutes(20)));
        timed("boot", () -> box = SimulatedBox.boot(IMAGE, BOX, cache.resolve("apt-archives")));
        phone = new Phone(ScratchNetns.create("mmphone"), work, LAN);
        box.wireWlan0(phone.netns());
        box.copyInstallerIn(Path.of("provisioning").toAbsolutePath(), jar);

        firstInstall = timed("install", () -> box.install());
        assertThat(firstInstall.exitCode()).as(firstInstall.stdout() + firstInstall.stderr()).isZero();
        managedFilesAfterInstall = box.managedFileSums();
        adminPassword = box.exec("cat", "/opt/miniman/data/initial-admin-password").stdout().strip();
    }

    @AfterAll
    void report() {
        StringBuilder line = new StringBuilder("BoxSimulationIT timings:");
        timings.forEach((step, took) -> line.append(' ').append(step).append(' ')
                .append(String.format("%.1f", took.toMillis() / 1000.0)).append(" s,"));
        System.out.println(line.substring(0, line.length() - 1));
        if (phone != null) {
            phone.close();
        }
        if (box != null && !Boolean.getBoolean("miniman.box.keep")) {
            box.close();
        }
        if (work != null) {
            RUNNER.run(List.of("rm", "-rf", "--", work.toString()), Duration.ofSeconds(30));
        }
    }

    @Test
    @Order(1)
    void installLeavesTheServicesRunningAndSaysHowToJoin() {
        assertThat(firstInstall.stdout()).contains("==> packages", "==> firewall", "Done: ",
                "WiFi        miniman, passphrase: ", "http://192.168.50.1", "initial-admin-password");
        for (String unit : List.of("miniman", "miniman-firewall", "nginx", "dnsmasq", "systemd-networkd", "docker")) {
            assertThat(box.run("systemctl", "is-active", unit).stdout().strip()).as(unit).isEqualTo("active");
        }
        String listening = box.exec("ss", "-Hltn").stdout();
        assertThat(listening).as("nginx fronts the console: it listens on loopback only")
                .contains("127.0.0.1:8000").doesNotContain("0.0.0.0:8000").doesNotContain("*:8000");
        assertThat(box.exec("stat", "-c", "%a %U", "/opt/miniman/data").stdout().strip()).isEqualTo("700 miniman");
        // figures for the record, not assertions: how the unit's JVM starts and what it keeps private
        String pid = box.exec("systemctl", "show", "-p", "MainPID", "--value", "miniman").stdout().strip();
        System.out.println("BoxSimulationIT console: " + firstInstall.stdout().lines()
                .filter(l -> l.contains("console ready after")).findFirst().orElse("").strip() + "; "
                + String.join(", ", box.exec("grep", "-E", "^(Rss|Private_Clean|Private_Dirty):",
                        "/proc/" + pid + "/smaps_rollup").stdout().replaceAll(" +", " ").lines().toList()));
        assertThat(box.exec("visudo", "-c").ok()).isTrue();
    }

    @Test
    @Order(2)
    void aPhoneGetsALeaseAndTheLoginPageThroughNginx() throws IOException {
        Map<String, String> lease = phone.lease();
        long ip = Ipv4Subnet.toLong(lease.get("ip")).orElseThrow();
        assertThat(ip).as(lease.toString()).isBetween(Ipv4Subnet.toLong("192.168.50.10").orElseThrow(),
                Ipv4Subnet.toLong("192.168.50.100").orElseThrow());
        assertThat(lease.get("router")).isEqualTo(LAN);
        assertThat(lease.get("dns")).isEqualTo(LAN);

        CommandResult login = phone.run("curl", "-sS", "-i", "--max-time", "15", "http://" + LAN + "/login");
        assertThat(login.stdout()).as(login.stderr()).startsWith("HTTP/1.1 200").contains("Server: nginx")
                .contains("window.Vaadin");
        assertThat(phone.run("curl", "-sS", "--max-time", "10", "http://" + LAN + "/health").stdout()).isEqualTo("ok\n");
    }

    /**
     * Chromium on the phone, as a new admin would: the first password the install printed the place of,
     * the forced change, then the Resources page's chart moving by push through nginx over a WebSocket.
     */
    @Test
    @Order(3)
    void chromiumOnThePhoneSignsInChangesThePasswordAndGetsPushThroughNginx() throws IOException {
        Path chromium = Requires.program("chromium");
        Requires.program("chromedriver");
        Requires.program("socat");
        try (PhoneBrowser phoneBrowser = phone.startBrowser(chromium)) {
            ConsoleSession console = new ConsoleSession(phoneBrowser.driver(), "http://" + LAN);
            console.openLoginForm();
            console.submitLogin("admin", adminPassword);
            console.changePassword(adminPassword, "Phone-chosen-pass-51");
            adminPassword = "Phone-chosen-pass-51";
            console.awaitChartGrowsByPush();
        }
        // nginx answered the push endpoint's upgrade: the transport is a WebSocket, not long polling
        // (nginx logs a connection when it closes: the browser has just quit)
        String access = "";
        for (int attempt = 0; attempt < 20 && !access.contains("\" 101 "); attempt++) {
            SimulatedBox.sleep(attempt == 0 ? 0 : 500);
            access = box.exec("grep", "-F", "/VAADIN/push", "/var/log/nginx/access.log").stdout();
        }
        assertThat(access.lines().filter(l -> l.contains("X-Atmosphere-Transport=websocket") && l.contains("\" 101 ")))
                .as(access).isNotEmpty();
    }

    @Test
    @Order(4)
    void theConsoleAndSshAreRefusedFromTheUplinkSide() {
        String uplink = box.uplinkAddress();
        for (int port : List.of(80, 8000, 22)) {
            CommandResult result = RUNNER.run(List.of("curl", "-sS", "--max-time", "5", "-o", "/dev/null",
                    "http://" + uplink + ":" + port + "/"), Duration.ofSeconds(15));
            // 7: the connection was refused at once; 28 would be a silent drop, 0 an answer
            assertThat(result.exitCode()).as("port %d from the uplink: %s", port, result.stderr()).isEqualTo(7);
        }
        // nginx listens on every address: only the firewall can have refused port 80
        String counters = box.exec("iptables", "-L", "MINIMAN-INPUT", "-v", "-n", "-x").stdout();
        assertThat(counters.lines().filter(line -> line.contains("REJECT") && line.contains("dpt:80 "))
                .findFirst().orElseThrow().strip().split("\\s+")[0]).isNotEqualTo("0");
    }

    @Test
    @Order(5)
    void reloadingTheFirewallKeepsDockersChainsAndHooksOnce() {
        box.exec("/usr/local/sbin/miniman-helper", "iptables-load");
        box.exec("/usr/local/sbin/miniman-helper", "iptables-load");
        String rules = box.exec("iptables", "-S").stdout();
        assertThat(rules).contains("-N DOCKER-USER", "-A FORWARD -j DOCKER-USER", "-N DOCKER-ISOLATION-STAGE-1");
        assertThat(rules.lines().filter(l -> l.equals("-A INPUT -j MINIMAN-INPUT"))).hasSize(1);
        assertThat(rules.lines().filter(l -> l.equals("-A FORWARD -j MINIMAN-FWD"))).hasSize(1);
        String nat = box.exec("iptables", "-t", "nat", "-S").stdout();
        assertThat(nat).contains("-N DOCKER", "-A MINIMAN-POSTROUTING -s 192.168.50.0/24 -o eth0 -j MASQUERADE");
        assertThat(nat.lines().filter(l -> l.equals("-A POSTROUTING -j MINIMAN-POSTROUTING"))).hasSize(1);
        assertThat(box.exec("ip6tables", "-S").stdout()).contains("-A INPUT -j MINIMAN-INPUT");
    }

    /**
     * The helper runs inside the console's sandbox (ProtectSystem=strict): through sudo as the console's
     * user it may still replace a managed file, and nothing else of /etc.
     */
    @Test
    @Order(6)
    void theHelperWorksFromInsideTheConsolesSandbox() {
        String pid = box.exec("systemctl", "show", "-p", "MainPID", "--value", "miniman").stdout().strip();
        List<String> asConsole = helperAsConsole();
        byte[] deny = box.exec("cat", "/etc/hostapd/hostapd.deny").stdout().getBytes(StandardCharsets.UTF_8);
        List<String> install = new ArrayList<>(asConsole);
        install.addAll(List.of("install", "/etc/hostapd/hostapd.deny"));
        CommandResult replaced = box.runWithInput(deny, install.toArray(String[]::new));
        assertThat(replaced.exitCode()).as(replaced.stderr()).isZero();

        List<String> outside = List.of("nsenter", "-t", pid, "-m", "--", "touch", "/etc/miniman-sandbox-check");
        assertThat(box.run(outside.toArray(String[]::new)).stderr()).contains("Read-only file system");
    }

    /** hostapd cannot start without a radio; its parser still reads the rendered file. */
    @Test
    @Order(7)
    void hostapdParsesTheInstalledConfig() {
        // a device that does not exist and no control socket; the line numbers stay the same
        box.exec("sed", "-n", "-e", "s/^interface=.*/interface=nosuch0/", "-e", "s/^ctrl_interface=/#ctrl_interface=/",
                "-e", "w /tmp/hostapd-check.conf", "/etc/hostapd/hostapd.conf");
        CommandResult parsed = box.run("timeout", "10", "hostapd", "-dd", "/tmp/hostapd-check.conf");
        String output = parsed.stdout() + parsed.stderr();
        assertThat(output).contains("nl80211").doesNotContain("errors found in configuration file");
        assertThat(output.lines().filter(l -> l.startsWith("Line "))).isEmpty();
    }

    @Test
    @Order(8)
    void aSecondRunChangesNothing() {
        CommandResult again = timed("second run", () -> box.install());
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(again.stdout()).contains("Nothing changed").doesNotContain("    changed: ");
        assertThat(box.managedFileSums()).isEqualTo(managedFilesAfterInstall);
    }

    @Test
    @Order(9)
    void afterARestartEveryUnitComesBackWithoutAStall() throws IOException {
        timed("restart", () -> {
            box.restart();
            return box.awaitBooted();
        });
        // the 2-minute wait-online trap would show here; hostapd has no radio in this box
        assertThat(timings.get("restart")).isLessThan(Duration.ofSeconds(90));
        assertThat(box.run("systemctl", "--failed", "--plain", "--no-legend").stdout().lines()
                .map(l -> l.split("\\s+")[0]).filter(unit -> !unit.equals("hostapd.service"))).isEmpty();
        for (String unit : List.of("miniman-firewall", "nginx", "systemd-networkd", "docker")) {
            assertThat(box.run("systemctl", "is-active", unit).stdout().strip()).as(unit).isEqualTo("active");
        }
        assertThat(box.exec("iptables", "-S").stdout()).as("the boot-time firewall").contains("-A INPUT -j MINIMAN-INPUT");

        // the radio comes back after the restart: dnsmasq, which waits for it, serves again by itself
        box.wireWlan0(phone.netns());
        assertThat(phone.lease()).containsEntry("router", LAN);
        assertThat(phone.awaitHealthThroughNginx()).isTrue();
    }

    @Test
    @Order(10)
    void systemResetRestoresTheFilesOfAFreshInstallAndANewAdminPassword() throws IOException {
        String oldPassword = adminPassword;
        box.exec("sed", "-i", "$a # a hand edit", "/etc/dnsmasq.d/miniman.conf");
        assertThat(box.managedFileSums()).isNotEqualTo(managedFilesAfterInstall);

        CommandResult reset = timed("system-reset", () -> box.run(Duration.ofMinutes(10), "system-reset", "--yes",
                "--no-reboot"));
        assertThat(reset.exitCode()).as(reset.stdout() + reset.stderr()).isZero();
        assertThat(box.managedFileSums()).isEqualTo(managedFilesAfterInstall);
        assertThat(box.exec("ls", "/var/backups/miniman").stdout()).contains("-reset");

        String newPassword = box.exec("cat", "/opt/miniman/data/initial-admin-password").stdout().strip();
        assertThat(newPassword).isNotEqualTo(oldPassword);
        assertThat(phone.signIn(oldPassword)).as("the old admin password").endsWith("/login?error");
        assertThat(phone.signIn(newPassword)).as("the new admin password").isEqualTo("http://" + LAN + "/");
    }

    /** --tls on an installed box: https from the phone, port 80 redirecting, the session cookie Secure. */
    @Test
    @Order(11)
    void withTlsThePhoneGetsTheConsoleOverHttpsOnly() throws IOException {
        CommandResult tls = timed("install --tls", () -> box.install("--tls"));
        assertThat(tls.exitCode()).as(tls.stdout() + tls.stderr()).isZero();
        assertThat(tls.stdout()).contains("self-signed certificate /etc/miniman/tls/miniman.crt", "https://192.168.50.1");

        CommandResult plain = phone.run("curl", "-sS", "-i", "--max-time", "15", "http://" + LAN + "/login");
        assertThat(plain.stdout()).as(plain.stderr()).startsWith("HTTP/1.1 301")
                .contains("Location: https://" + LAN + "/login");
        // the certificate install.sh made, fetched from the box: the phone trusts exactly that one
        Path certificate = work.resolve("box.crt");
        Files.writeString(certificate, box.exec("cat", "/etc/miniman/tls/miniman.crt").stdout());
        CommandResult secure = phone.run("curl", "-sS", "-i", "--max-time", "15", "--cacert", certificate.toString(),
                "https://" + LAN + "/login");
        assertThat(secure.stdout()).as(secure.stderr()).startsWith("HTTP/1.1 200").contains("window.Vaadin");
        assertThat(secure.stdout().lines().filter(l -> l.toLowerCase().startsWith("set-cookie: jsessionid=")))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("; Secure"));
    }

    /**
     * The host name as the console sets it: the helper through sudo, as the console's user inside its
     * sandbox, then read back with hostnamectl.
     */
    @Test
    @Order(30)
    void hostNameAndTimeZoneSetThroughTheConsolesPathReadBackWithSystemdsTools() {
        // Docker bind-mounts its own /etc/hostname into the box, and hostnamed's atomic rename over a mount
        // point fails with EBUSY; a real box has a plain file there, which the unmount leaves in place
        box.run("umount", "/etc/hostname");
        String before = box.exec("hostnamectl", "hostname").stdout().strip();
        String zoneBefore = box.exec("timedatectl", "show", "-p", "Timezone", "--value").stdout().strip();
        try {
            CommandResult renamed = helper("hostname", "mb-hist-renamed");
            assertThat(renamed.exitCode()).as(renamed.stdout() + renamed.stderr()).isZero();
            assertThat(box.exec("hostnamectl", "hostname").stdout().strip()).isEqualTo("mb-hist-renamed");
            assertThat(box.exec("hostnamectl", "hostname", "--static").stdout().strip()).isEqualTo("mb-hist-renamed");

            CommandResult refused = helper("hostname", "evil;reboot");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(box.exec("hostnamectl", "hostname").stdout().strip()).isEqualTo("mb-hist-renamed");

            CommandResult zone = helper("timezone", "Europe/Berlin");
            assertThat(zone.exitCode()).as(zone.stdout() + zone.stderr()).isZero();
            assertThat(box.exec("timedatectl", "show", "-p", "Timezone", "--value").stdout().strip()).isEqualTo("Europe/Berlin");
        } finally {
            helper("hostname", before);
            helper("timezone", zoneBefore.isEmpty() ? "Etc/UTC" : zoneBefore);
        }
    }

    /** The console shows what a reset does in system-reset's own words, asked through the helper as the console. */
    @Test
    @Order(31)
    void hostResetDescriptionIsTheTextOfTheCli() {
        CommandResult cli = box.exec("system-reset", "--describe", "--no-reboot");
        CommandResult console = helper("system-reset-describe", "--no-reboot");
        assertThat(console.exitCode()).as(console.stderr()).isZero();
        assertThat(console.stdout()).isEqualTo(cli.stdout())
                .startsWith("This resets the WiFi, the network, the console's users and its history.")
                .contains("/var/backups/miniman/<time>-reset/", "keeps Docker's containers");
        assertThat(helper("system-reset-describe", "--purge-docker").stdout())
                .contains("removes every container, image and volume", "- reboots the box");
    }

    /** The root helper as the console runs it: its user, inside its sandbox's mount namespace, through sudo. */
    private List<String> helperAsConsole(String... args) {
        String pid = box.exec("systemctl", "show", "-p", "MainPID", "--value", "miniman").stdout().strip();
        String uid = box.exec("id", "-u", "miniman").stdout().strip();
        String gid = box.exec("id", "-g", "miniman").stdout().strip();
        List<String> argv = new ArrayList<>(List.of("nsenter", "-t", pid, "-m", "-S", uid, "-G", gid, "--",
                "sudo", "-n", "/usr/local/sbin/miniman-helper"));
        argv.addAll(List.of(args));
        return argv;
    }

    private CommandResult helper(String... args) {
        return box.run(helperAsConsole(args).toArray(String[]::new));
    }

    private UnitStatus unit(String name) {
        return SystemdReadings.show(argv -> box.exec(argv.toArray(String[]::new)).stdout(), List.of(name)).get(0);
    }

    /** The Services page's reading of real systemd: one systemctl show for the default units, as the console's user. */
    @Test
    @Order(20)
    void servicesAreReadFromSystemdsOwnProperties() {
        List<String> units = ServicesProperties.HELPER_UNITS;
        List<String> asConsoleUser = new ArrayList<>(List.of("setpriv", "--reuid=miniman", "--regid=miniman", "--init-groups"));
        List<UnitStatus> statuses = SystemdReadings.show(argv -> {
            List<String> command = new ArrayList<>(asConsoleUser);
            command.addAll(argv);
            return box.exec(command.toArray(String[]::new)).stdout();
        }, units);
        assertThat(statuses).extracting(UnitStatus::name).isEqualTo(units);
        for (String running : List.of("dnsmasq", "nginx", "docker", "systemd-networkd", "miniman", "miniman-firewall")) {
            UnitStatus status = statuses.get(units.indexOf(running));
            assertThat(status.found()).as(running).isTrue();
            assertThat(status.activeState()).as(running).isEqualTo("active");
            assertThat(status.since()).as(running).isNotNull();
            assertThat(status.enabled()).as(running).isTrue();
        }
        assertThat(statuses.get(units.indexOf("miniman")).mainPid()).isPositive();
    }

    @Test
    @Order(21)
    void theHelperRestartsStopsAndDisablesAListedUnitForTheConsole() {
        UnitStatus before = unit("dnsmasq");
        assertThat(before.mainPid()).isPositive();
        CommandResult restart = helper("service", "restart", "dnsmasq");
        assertThat(restart.exitCode()).as(restart.stderr()).isZero();
        UnitStatus after = unit("dnsmasq");
        assertThat(after.activeState()).isEqualTo("active");
        assertThat(after.mainPid()).as("a new dnsmasq").isPositive().isNotEqualTo(before.mainPid());

        assertThat(helper("service", "stop", "dnsmasq").exitCode()).isZero();
        assertThat(unit("dnsmasq").activeState()).isEqualTo("inactive");
        assertThat(helper("service", "start", "dnsmasq").exitCode()).isZero();
        assertThat(unit("dnsmasq").activeState()).isEqualTo("active");

        assertThat(helper("service", "disable", "dnsmasq").exitCode()).isZero();
        assertThat(unit("dnsmasq").unitFileState()).isEqualTo("disabled");
        assertThat(helper("service", "enable", "dnsmasq").exitCode()).isZero();
        assertThat(unit("dnsmasq").enabled()).isTrue();
    }

    @Test
    @Order(22)
    void theHelperRefusesAUnitOutsideItsList() {
        for (String[] refused : List.of(new String[] {"service", "restart", "ssh"},
                new String[] {"service", "stop", "systemd-journald"}, new String[] {"service", "mask", "dnsmasq"},
                new String[] {"journal", "ssh"}, new String[] {"journal", "dnsmasq", "--since=2000-01-01"})) {
            CommandResult result = helper(refused);
            assertThat(result.exitCode()).as(String.join(" ", refused)).isEqualTo(2);
            assertThat(result.stderr()).as(String.join(" ", refused)).startsWith("miniman-helper: ");
        }
        assertThat(box.run("systemctl", "is-active", "systemd-journald").stdout().strip()).isEqualTo("active");
    }

    /** The journal verb as the console follows it: the last entries, then new ones, ended by a signal. */
    @Test
    @Order(23)
    void theJournalOfAUnitFollowsThroughTheHelper() {
        long marker = System.currentTimeMillis() / 1000;
        List<String> follow = new ArrayList<>(List.of("sh", "-c", "(sleep 3; systemctl restart dnsmasq) & exec \"$@\"",
                "follow", "timeout", "8"));
        follow.addAll(helperAsConsole("journal", "dnsmasq"));
        CommandResult result = box.run(Duration.ofSeconds(30), follow.toArray(String[]::new));
        assertThat(result.exitCode()).as("ended by timeout's SIGTERM: " + result.stderr()).isEqualTo(124);
        List<JournalLine> lines = result.stdout().lines().map(SystemdReadings::journalLine).toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.time()).as(line.message()).isNotNull());
        assertThat(lines).as("dnsmasq's own start message after the restart, followed live")
                .anySatisfy(line -> {
                    assertThat(line.message()).startsWith("started, version");
                    assertThat(line.time().getEpochSecond()).isGreaterThanOrEqualTo(marker + 2);
                });
        assertThat(box.exec("sh", "-c", "for p in /proc/[0-9]*; do [ \"$(cat $p/comm 2>/dev/null)\" = journalctl ] && echo $p; "
                + "done; true").stdout()).as("no journalctl left behind").isEmpty();
    }

    /**
     * A newer build uploaded on the console's update page from the phone, as an admin would: the console's
     * checks, the helper's swap in a unit of its own, the unit back on the new jar, and the watchdog keeping
     * it. The release is the packaged jar with a higher version in its build-info, not a rebuild.
     */
    @Test
    @Order(40)
    void updateFromThePhoneSwapsToTheNewerJarAndTheWatchdogKeepsIt() throws Exception {
        ReleaseVersion newer = ReleaseJars.newer(ReleaseVersion.ofJar(packagedJar), 0);
        Path release = ReleaseJars.release(packagedJar, Files.createDirectories(work.resolve("release-ok")), newer, Map.of());
        String before = box.exec("systemctl", "show", "-p", "MainPID", "--value", "miniman").stdout().strip();

        // a start takes minutes on this shared test machine, not the seconds the 90 s default allows a box
        watchdogWindow(300);
        String landed;
        try {
            landed = updateOnThePhone(release, newer, "update");
        } finally {
            watchdogWindow(0);
        }
        assertThat(landed).as("the new console's sign-in, once the waiting page saw it answer").contains("/login");

        assertThat(box.exec("cat", "/opt/miniman/app/version").stdout().strip()).isEqualTo(newer.text());
        assertThat(consoleHealth(newer)).as("the running console is the new version").isEqualTo("200");
        assertThat(consoleHealth(ReleaseVersion.ofJar(packagedJar))).isEqualTo("409");
        UnitStatus unit = unit("miniman");
        assertThat(unit.activeState()).isEqualTo("active");
        assertThat(String.valueOf(unit.mainPid())).as("a new console process").isNotEqualTo(before);
        assertThat(box.run("test", "-s", "/opt/miniman/app.jsa").ok()).as("a class-data archive of the new jar").isTrue();
        assertThat(box.exec("cat", "/proc/" + unit.mainPid() + "/maps").stdout()).as("the new console maps it")
                .contains("/opt/miniman/app.jsa");
        assertThat(box.run("test", "-s", "/opt/miniman/app.previous.jsa").ok()).as("the old one kept for a rollback").isTrue();
        assertThat(box.exec("cat", "/proc/" + unit.mainPid() + "/cmdline").stdout()).contains("/opt/miniman/app/miniman.jar");
        assertThat(box.run("test", "-f", "/opt/miniman/app.previous/miniman.jar").ok()).as("the previous version kept").isTrue();
        assertThat(box.run("test", "-f", "/opt/miniman/update/previous-db/miniman.db").ok()).as("its database kept").isTrue();

        Map<String, String> kept = timed("update: watchdog keeps it", () -> awaitOperation("Console update kept"));
        assertThat(kept).containsEntry("status", "COMPLETED").containsEntry("username", "watchdog");
        assertThat(kept.get("result")).startsWith("updated from ").contains(" to " + newer + "; healthy after ");
        assertThat(awaitOperation("Update console")).containsEntry("status", "COMPLETED").containsEntry("username", "admin");
        assertThat(awaitUnitState("miniman-update-watchdog.timer", "inactive")).as("the watchdog stops itself").isTrue();
        assertThat(box.run("test", "-e", "/opt/miniman/data/update-result").ok()).as("recorded, then removed").isFalse();
    }

    /**
     * A newer build that passes every check (its --version, its check against the database) but never
     * answers /health: its web server is switched off, and it carries a migration of its own. After the
     * watchdog's window (shortened by a drop-in for the test) the previous jar and the database from before
     * the swap come back, the waiting page says so, and the operation log says why.
     */
    @Test
    @Order(41)
    void updateThatNeverAnswersIsRolledBackWithItsDatabaseByTheWatchdog() throws Exception {
        ReleaseVersion broken = ReleaseJars.newer(ReleaseVersion.ofJar(packagedJar), 1);
        Path release = ReleaseJars.release(packagedJar, Files.createDirectories(work.resolve("release-broken")), broken,
                Map.of("BOOT-INF/classes/config/application.properties", "spring.main.web-application-type=none\n",
                        "BOOT-INF/classes/db/migration/V9000__update_probe.sql", "CREATE TABLE update_probe (id INTEGER);\n"));
        String previous = box.exec("cat", "/opt/miniman/app/version").stdout().strip();
        watchdogWindow(40);
        try {
            String landed = updateOnThePhone(release, broken, "update rolled back");
            assertThat(landed).as("the waiting page stays and says what happened").contains("/waiting");
        } finally {
            watchdogWindow(0);
        }
        assertThat(box.exec("cat", "/opt/miniman/app/version").stdout().strip()).isEqualTo(previous);
        assertThat(consoleHealth(new ReleaseVersion(previous))).isEqualTo("200");
        assertThat(unit("miniman").activeState()).isEqualTo("active");
        assertThat(box.run("test", "-e", "/opt/miniman/app.failed").ok()).as("the failed build is gone").isFalse();

        Map<String, String> rolledBack = timed("update: rollback recorded", () -> awaitOperation("Console update rolled back"));
        assertThat(rolledBack).containsEntry("status", "FAILED").containsEntry("username", "watchdog");
        assertThat(rolledBack.get("error_message")).startsWith("update to " + broken + " rolled back to " + previous
                + ": http://127.0.0.1:8000/health did not answer within 40s");
        assertThat(operationTables()).as("the database from before the swap, without the broken build's migration")
                .contains("operation_log").doesNotContain("update_probe");
    }

    /**
     * The phone signs in, uploads the release and its .sha256 on the update page, starts it, and follows the
     * browser to the waiting page; returns where the waiting page finally is. {@code until}: "update" waits
     * for the page to leave (the new version answered), anything else for the page to say the update was
     * rolled back.
     */
    private String updateOnThePhone(Path release, ReleaseVersion version, String until) throws IOException {
        Path chromium = Requires.program("chromium");
        Requires.program("chromedriver");
        Requires.program("socat");
        try (PhoneBrowser browser = phone.startBrowser(chromium)) {
            ConsoleSession console = signedInOnThePhone(browser);
            WebDriver driver = console.browser();
            driver.get(console.base() + "/system/update");
            timed(until + ": upload", () -> {
                WebElement input = console.await().until(d -> d.findElement(By.tagName("vaadin-upload"))).getShadowRoot()
                        .findElement(By.cssSelector("input[type=file]"));
                input.sendKeys(release + "\n" + release.resolveSibling(release.getFileName() + ".sha256"));
                return new WebDriverWait(driver, Duration.ofMinutes(3)).until(d -> pageText(console)
                        .contains("(version " + version + ") · checksum: ") && !pageText(console).contains("not uploaded"));
            });
            timed(until + ": checks and hand-over", () -> {
                console.js("Array.from(document.querySelectorAll('vaadin-button')).find(b => b.textContent.includes("
                        + "'Check and install')).click()");
                try {
                    return new WebDriverWait(driver, Duration.ofMinutes(3)).until(d -> d.getCurrentUrl()
                            .contains("/waiting?for=update&version=" + version));
                } catch (TimeoutException e) {
                    throw new AssertionError("no hand-over; the page says: " + pageText(console), e);
                }
            });
            return timed(until + ": swap until the page knows", () -> {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofMinutes(6), Duration.ofSeconds(2));
                wait.ignoring(WebDriverException.class);
                try {
                    if (until.equals("update")) {
                        wait.until(d -> !d.getCurrentUrl().contains("/waiting"));
                    } else {
                        wait.until(d -> pageText(console).contains("the update was rolled back"));
                    }
                } catch (TimeoutException e) {
                    throw new AssertionError("the waiting page still says: " + pageText(console) + "\n"
                            + box.run("journalctl", "--no-pager", "-n", "60", "-u", "miniman-update", "-u",
                                    "miniman-update-watchdog", "-u", "miniman").stdout(), e);
                }
                return driver.getCurrentUrl();
            });
        }
    }

    /** The watchdog's health window through a drop-in, as an admin of a slow box would set it; 0 removes it. */
    private void watchdogWindow(int seconds) {
        String dropIn = "/etc/systemd/system/miniman-update-watchdog.service.d/window.conf";
        if (seconds == 0) {
            box.exec("rm", "-f", dropIn);
        } else {
            box.exec("mkdir", "-p", dropIn.substring(0, dropIn.lastIndexOf('/')));
            box.runWithInput(("[Service]\nEnvironment=MINIMAN_UPDATE_HEALTH_WINDOW=" + seconds + "\n")
                    .getBytes(StandardCharsets.UTF_8), "tee", dropIn);
        }
        box.exec("systemctl", "daemon-reload");
    }

    /**
     * The admin on the phone's Chromium: the first password (and its forced change) when the box has one
     * again. The phone takes a lease first: run alone, these steps come before any other step gave it one.
     */
    private ConsoleSession signedInOnThePhone(PhoneBrowser browser) throws IOException {
        assertThat(phone.lease()).containsEntry("router", LAN);
        assertThat(phone.awaitHealthThroughNginx()).isTrue();
        boolean tls = phone.run("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                "http://" + LAN + "/login").stdout().equals("301");
        ConsoleSession console = new ConsoleSession(browser.driver(), (tls ? "https://" : "http://") + LAN);
        console.openLoginForm();
        CommandResult first = box.run("cat", "/opt/miniman/data/initial-admin-password");
        if (first.ok()) {
            console.submitLogin("admin", first.stdout().strip());
            console.changePassword(first.stdout().strip(), "Update-chosen-pass-73");
            adminPassword = "Update-chosen-pass-73";
        } else {
            console.submitLogin("admin", adminPassword);
        }
        console.awaitDashboard();
        return console;
    }

    private static String pageText(ConsoleSession console) {
        return String.valueOf(console.js("return document.body.innerText"));
    }

    /** The console's own answer on the box, past nginx: 200 when {@code version} runs, 409 for another. */
    private String consoleHealth(ReleaseVersion version) {
        return box.exec("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                "http://127.0.0.1:8000/health?version=" + version).stdout();
    }

    private boolean awaitUnitState(String unit, String state) {
        for (int attempt = 0; attempt < 60; attempt++) {
            if (box.run("systemctl", "is-active", unit).stdout().strip().equals(state)) {
                return true;
            }
            SimulatedBox.sleep(1000);
        }
        return false;
    }

    /** The newest operation row named {@code name}, read from a copy of the box's database; waits for it. */
    private Map<String, String> awaitOperation(String name) {
        for (int attempt = 0; attempt < 60; attempt++) {
            List<Map<String, String>> rows = query("SELECT status, username, result, error_message FROM operation_log"
                    + " WHERE operation_name = '" + name + "' ORDER BY id DESC LIMIT 1");
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            SimulatedBox.sleep(2000);
        }
        throw new AssertionError("no operation '" + name + "' in the box's database");
    }

    private String operationTables() {
        return String.join(",", query("SELECT name FROM sqlite_master WHERE type = 'table'").stream()
                .map(row -> row.get("name")).toList());
    }

    /**
     * The database with its WAL, copied while the console runs on: a copy may miss the newest commits
     * (the callers wait and copy again), never show one that did not happen.
     */
    private List<Map<String, String>> query(String sql) {
        try {
            Path copy = Files.createTempDirectory(work, "db");
            for (String file : List.of("miniman.db", "miniman.db-wal")) {
                if (box.run("test", "-f", "/opt/miniman/data/" + file).ok()) {
                    box.copyOut("/opt/miniman/data/" + file, copy.resolve(file));
                }
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve("miniman.db"));
                    ResultSet result = db.createStatement().executeQuery(sql)) {
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnName(column), result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (IOException | SQLException e) {
            throw new AssertionError("cannot read the box's database: " + e.getMessage(), e);
        }
    }

    private <T> T timed(String name, Supplier<T> step) {
        long start = System.nanoTime();
        try {
            return step.get();
        } finally {
            timings.put(name, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
