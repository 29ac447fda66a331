package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.network.apply.RenderedFileChecker;
import io.miniman.network.apply.RenderedFileChecker.Check;
import io.miniman.network.apply.RenderedFileChecker.Verdict;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.testsupport.ScratchNetns;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample's files handed to the programs that read them on the box. */
class RealValidatorsTest {

    private static final CommandRunner RUNNER = new CommandRunner();
    /** What the helper's "sysctl" verb runs, as systemd does at boot. */
    private static final Path SYSTEMD_SYSCTL = Path.of("/usr/lib/systemd/systemd-sysctl");
    private final RenderedFileChecker checker = new RenderedFileChecker(RUNNER,
            new PrivilegedHelper(RUNNER, Path.of("/nonexistent/miniman-helper")));

    static Stream<String> samples() {
        return SampleSettings.ALL.keySet().stream().sorted();
    }

    private Check checkOf(ManagedFile file, String content) {
        List<RenderedFile> files = List.of(new RenderedFile(file, content));
        return checker.check(files).get(0);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void dnsmasqAcceptsTheRenderedConfig(String sample) {
        Requires.program("dnsmasq");
        assertThat(checkOf(ManagedFile.DNSMASQ, DnsmasqConfigRenderer.render(SampleSettings.ALL.get(sample))))
                .extracting(Check::verdict).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void hostapdParsesTheRenderedConfig(String sample) {
        Requires.program("hostapd");
        NetworkSettings settings = SampleSettings.ALL.get(sample);
        List<Check> checks = checker.check(List.of(
                new RenderedFile(ManagedFile.HOSTAPD, HostapdConfigRenderer.render(settings)),
                new RenderedFile(ManagedFile.HOSTAPD_DENY, HostapdConfigRenderer.renderDenyList(settings))));
        assertThat(checks.get(0).verdict()).as(checks.get(0).message()).isEqualTo(Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void iptablesAndSysctlLoadInAScratchNamespace(String sample, @TempDir Path dir)
            throws IOException {
        Requires.program("iptables-restore");
        Requires.that(Files.isExecutable(SYSTEMD_SYSCTL), "systemd's " + SYSTEMD_SYSCTL + " (package systemd)");
        NetworkSettings settings = SampleSettings.ALL.get(sample);
        Path rules = Files.writeString(dir.resolve("rules.v4"), IptablesRulesRenderer.render(settings));
        Path rules6 = Files.writeString(dir.resolve("rules.v6"), IptablesRulesRenderer.renderV6(settings));
        Path sysctl = Files.writeString(dir.resolve("forwarding.conf"), SysctlRenderer.render(settings));
        assertThat(checkOf(ManagedFile.IPTABLES, Files.readString(rules)).verdict()).isEqualTo(Verdict.ACCEPTED);
        try (ScratchNetns ns = ScratchNetns.create("mmv")) {
            // as the helper loads them: beside chains of Docker's, which must survive
            ns.exec("iptables", "-N", "DOCKER-USER");
            ns.exec("iptables", "-A", "FORWARD", "-j", "DOCKER-USER");
            ns.exec("iptables-restore", "--noflush", rules.toString());
            ns.exec("ip6tables-restore", "--noflush", rules6.toString());
            String saved = ns.exec("iptables-save").stdout();
            assertThat(saved).contains("-A INPUT -j MINIMAN-INPUT", "-A MINIMAN-INPUT -i lo -j ACCEPT",
                    "-A FORWARD -j DOCKER-USER", "-A FORWARD -j MINIMAN-FWD");
            assertThat(ns.exec("ip6tables-save").stdout()).contains("-A INPUT -j MINIMAN-INPUT",
                    "-A MINIMAN-INPUT -p tcp -m tcp --dport " + settings.firewall().consolePort()
                            + " -j REJECT --reject-with tcp-reset");
            assertThat(saved.contains("REDIRECT")).isEqualTo(settings.firewall().redirectHttp());
            assertThat(saved.contains("MASQUERADE")).isEqualTo(settings.uplink().nat());
            ns.exec(SYSTEMD_SYSCTL.toString(), sysctl.toString());
            assertThat(ns.exec("cat", "/proc/sys/net/ipv4/ip_forward").stdout().strip())
                    .isEqualTo(settings.uplink().ipForwarding() ? "1" : "0");
        }
    }

    @Test
    void theChecksCatchWhatTheProgramsRefuse() {
        Requires.program("dnsmasq");
        Requires.program("hostapd");
        Requires.root();
        String dnsmasq = DnsmasqConfigRenderer.render(SampleSettings.DEFAULTS).replace("dhcp-range=192.168.50.10",
                "dhcp-range=192.168.50.300");
        Check badDns = checkOf(ManagedFile.DNSMASQ, dnsmasq);
        assertThat(badDns.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(badDns.message()).contains("bad dhcp-range", ManagedFile.DNSMASQ.devicePath());

        String hostapd = HostapdConfigRenderer.render(SampleSettings.DEFAULTS).replace(
                "wpa_passphrase=correct horse battery", "wpa_passphrase=short");
        Check badAp = checkOf(ManagedFile.HOSTAPD, hostapd);
        assertThat(badAp.verdict()).isEqualTo(Verdict.REJECTED);
        assertThat(badAp.message()).contains("Line ", "passphrase");

        Check badRules = checkOf(ManagedFile.IPTABLES, "*filter\n-A INPUT -j\nCOMMIT\n");
        assertThat(badRules.verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void helperAllowlistIsExactlyTheManagedFiles() {
        var paths = RUNNER.run(List.of(Path.of("provisioning/miniman-helper").toAbsolutePath().toString(), "paths"),
                java.time.Duration.ofSeconds(10)).stdout().lines().toList();
        assertThat(paths).containsExactlyInAnyOrderElementsOf(
                Stream.of(ManagedFile.values()).map(ManagedFile::devicePath).toList());
    }
}
