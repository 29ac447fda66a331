package io.miniman.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.miniman.host.PrivilegedHelper.Outcome;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real script, run with its test root so it writes under a temp dir and prints commands instead. */
class PrivilegedHelperTest {

    private static final Path SCRIPT = Path.of("provisioning/miniman-helper").toAbsolutePath();
    private static final CommandRunner RUNNER = new CommandRunner();

    @TempDir
    Path root;

    private PrivilegedHelper helper() {
        return PrivilegedHelper.forTestRoot(RUNNER, SCRIPT, root);
    }

    private CommandResult raw(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "MINIMAN_HELPER_ROOT=" + root, SCRIPT.toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(argv, Duration.ofSeconds(10));
    }

    @Test
    void shellcheckIsClean() {
        Path shellcheck = Requires.program("shellcheck");
        CommandResult result = RUNNER.run(List.of(shellcheck.toString(), "-S", "warning", SCRIPT.toString()),
                Duration.ofSeconds(60));
        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void installReadAndRemoveAnAllowlistedFileByteForByte() throws Exception {
        // the helper accepts only what the renderers write; within that, every byte is kept
        byte[] content = "ssid=Caf\u00e9 \u2615\nwpa_passphrase=correct horse\n".getBytes(StandardCharsets.UTF_8);
        assertThat(helper().read("/etc/hostapd/hostapd.conf")).isEmpty();

        assertThat(helper().install("/etc/hostapd/hostapd.conf", content)).isInstanceOf(Outcome.Done.class);

        Path written = root.resolve("etc/hostapd/hostapd.conf");
        assertThat(Files.readAllBytes(written)).isEqualTo(content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(helper().read("/etc/hostapd/hostapd.conf")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        try (var leftovers = Files.list(written.getParent())) {
            assertThat(leftovers).containsExactly(written);
        }

        assertThat(helper().remove("/etc/hostapd/hostapd.conf")).isInstanceOf(Outcome.Done.class);
        assertThat(written).doesNotExist();
    }

    @Test
    void refusesPathsOutsideTheAllowlist() {
        for (String path : List.of("/etc/passwd", "/etc/hostapd/../shadow", "/etc/hostapd/hostapd.conf/",
                "etc/hostapd/hostapd.conf", "/etc/hostapd/hostapd.conf\n/etc/passwd", "-x")) {
            Outcome outcome = helper().install(path, "x".getBytes(StandardCharsets.UTF_8));
            assertThat(outcome).as(path).isInstanceOf(Outcome.Failed.class);
            assertThat(((Outcome.Failed) outcome).message()).contains("not an allowlisted file");
        }
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void servicesOnlyFromTheAllowlist() {
        assertThat(helper().verb("service", "restart", "hostapd"))
                .isEqualTo(new Outcome.Done("run: systemctl restart -- hostapd.service\n"));
        assertThat(helper().verb("service", "reload", "dnsmasq")).isInstanceOf(Outcome.Done.class);
        assertThat(helper().verb("service", "restart", "sshd")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("service", "enable", "nginx"))
                .isEqualTo(new Outcome.Done("run: systemd-run --wait --pipe --quiet --collect -- systemctl enable -- nginx.service\n"));
        assertThat(helper().verb("service", "mask", "hostapd")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("service", "restart", "ssh")).isInstanceOf(Outcome.Failed.class);
        // the console's own unit: not waited for, since the helper runs in its cgroup
        assertThat(helper().verb("service", "stop", "miniman"))
                .isEqualTo(new Outcome.Done("run: systemctl --no-block stop -- miniman.service\n"));
        assertThat(helper().verb("service", "restart", "hostapd.service --now")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("service", "--help", "hostapd")).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void theJournalOfAnAllowlistedUnitOnly() {
        assertThat(helper().verb("journal", "dnsmasq")).isEqualTo(new Outcome.Done("run: journalctl --no-pager -u "
                + "dnsmasq.service -f -n 200 -o json --output-fields=MESSAGE,PRIORITY,SYSLOG_IDENTIFIER,_PID,_COMM\n"));
        assertThat(helper().verb("journal", "dnsmasq", "50", "1700000000")).isEqualTo(new Outcome.Done("run: journalctl "
                + "--no-pager -u dnsmasq.service -n 50 -o json --output-fields=MESSAGE,PRIORITY,SYSLOG_IDENTIFIER,_PID,_COMM "
                + "--since=@1700000000\n"));
        assertThat(helper().verb("journal", "ssh")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("journal", "dnsmasq", "--since=1970")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("journal", "dnsmasq", "0")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("journal", "dnsmasq", "50", "-1 day")).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed) helper().verb("journal", "../../etc/shadow")).message()).contains("not an allowlisted unit");
    }

    @Test
    void interfaceArgumentsAreCheckedAgain() throws Exception {
        assertThat(helper().verb("deny-mac", "wlan0", "02:00:00:aa:bb:cc")).isEqualTo(new Outcome.Done(
                "run: hostapd_cli -p /var/run/hostapd -i wlan0 deny_acl ADD_MAC 02:00:00:aa:bb:cc\n"
                        + "run: hostapd_cli -p /var/run/hostapd -i wlan0 deauthenticate 02:00:00:aa:bb:cc\n"));
        assertThat(helper().verb("deny-mac", "wlan0", "02:00:00:aa:bb:cc;reboot")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("allow-mac", "-i", "02:00:00:aa:bb:cc")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("stations", "wlan0")).isEqualTo(
                new Outcome.Done("run: hostapd_cli -p /var/run/hostapd -i wlan0 all_sta\n"));
        assertThat(helper().verb("ap-status", "-i")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("stations", "wlan0;reboot")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("stations", "wlan0 x")).isInstanceOf(Outcome.Failed.class);
        Files.createDirectories(root.resolve("etc/iptables"));
        Files.writeString(root.resolve("etc/iptables/rules.v4"), "*filter\nCOMMIT\n");
        Files.writeString(root.resolve("etc/iptables/rules.v6"), "*filter\nCOMMIT\n");
        assertThat(helper().verb("iptables-load")).isEqualTo(new Outcome.Done(
                "run: iptables-restore -w --noflush -- " + root + "/etc/iptables/rules.v4\n"
                        + "run: ip6tables-restore -w --noflush -- " + root + "/etc/iptables/rules.v6\n"));
        assertThat(helper().verb("iptables-load", "/tmp/other")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("sysctl")).isEqualTo(new Outcome.Done(
                "run: /usr/lib/systemd/systemd-sysctl " + root + "/etc/sysctl.d/90-miniman-forwarding.conf\n"));
        assertThat(helper().verb("reboot", "now")).isInstanceOf(Outcome.Failed.class);
        assertThat(helper().verb("format-disk")).isInstanceOf(Outcome.Failed.class);
    }

    @Test
    void testRootIsRefusedUnderSudo() {
        List<String> argv = List.of("env", "SUDO_USER=miniman", "MINIMAN_HELPER_ROOT=" + root, SCRIPT.toString(),
                "install", "/etc/iptables/rules.v4");
        CommandResult result = RUNNER.run(argv, Duration.ofSeconds(10), "x".getBytes(StandardCharsets.UTF_8));
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("refused under sudo");
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void refusesOversizedInput() throws Exception {
        CommandResult result = RUNNER.run(List.of("env", "MINIMAN_HELPER_ROOT=" + root, SCRIPT.toString(), "install",
                "/etc/iptables/rules.v4"), Duration.ofSeconds(20), new byte[1024 * 1024 + 1]);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(root.resolve("etc/iptables/rules.v4")).doesNotExist();
        try (var leftovers = Files.list(root.resolve("etc/iptables"))) {
            assertThat(leftovers).isEmpty();
        }
    }

    @Test
    void pathsVerbListsTheAllowlist() {
        assertThat(raw("paths").stdout().lines()).contains("/etc/hostapd/hostapd.conf", "/etc/iptables/rules.v4");
    }

    @Test
    void missingHelperIsReportedAsSkipped() {
        PrivilegedHelper absent = new PrivilegedHelper(RUNNER, root.resolve("no-such-helper"));
        assertThat(absent.installed()).isFalse();
        assertThat(absent.verb("service", "restart", "hostapd").describe()).startsWith("skipped: helper not installed");
    }
}
