package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root helper installs only what the renderers write: every sample's files pass, and a line a
 * renderer would never write is refused, so sudo on the helper is not sudo on dnsmasq's or the kernel's
 * options.
 */
class HelperContentTest {

    private static final Path SCRIPT = Path.of("provisioning/miniman-helper").toAbsolutePath();
    private static final CommandRunner RUNNER = new CommandRunner();

    @TempDir
    Path root;

    private CommandResult install(ManagedFile file, String content) {
        return RUNNER.run(List.of("env", "MINIMAN_HELPER_ROOT=" + root, SCRIPT.toString(), "install",
                file.devicePath()), Duration.ofSeconds(20), content.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> renderedFiles() {
        return SampleSettings.ALL.keySet().stream().sorted().flatMap(sample -> Stream.of(ManagedFile.values())
                .map(file -> Arguments.of(sample, file)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("renderedFiles")
    void acceptsEveryRenderedFile(String sample, ManagedFile file) throws Exception {
        String content = NetworkFiles.render(file, SampleSettings.ALL.get(sample));
        CommandResult result = install(file, content);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(root.resolve(file.devicePath().substring(1)))).isEqualTo(content);
    }

    static Stream<Arguments> hostileLines() {
        return Stream.of(
                Arguments.of(ManagedFile.DNSMASQ, "dhcp-script=/tmp/x.sh"),
                Arguments.of(ManagedFile.DNSMASQ, "conf-dir=/tmp"),
                Arguments.of(ManagedFile.DNSMASQ, "server=8.8.8.8 x"),
                Arguments.of(ManagedFile.SYSCTL, "kernel.core_pattern=|/tmp/x"),
                Arguments.of(ManagedFile.SYSCTL, "net.ipv4.ip_forward = 1 "),
                Arguments.of(ManagedFile.HOSTAPD, "wpa_psk_file=/etc/shadow"),
                Arguments.of(ManagedFile.HOSTAPD, "ctrl_interface=/tmp/evil"),
                Arguments.of(ManagedFile.HOSTAPD, "ssid=a\rb"),
                Arguments.of(ManagedFile.HOSTAPD_DENY, "-A INPUT -j ACCEPT"),
                Arguments.of(ManagedFile.IPTABLES, "-A INPUT -j ACCEPT"),
                Arguments.of(ManagedFile.IPTABLES, "-A MINIMAN-INPUT -p tcp -m tcp --dport 22 -j LOG"),
                Arguments.of(ManagedFile.IPTABLES_V6, "-F DOCKER-USER"),
                Arguments.of(ManagedFile.NETWORKD, "ExecStart=/bin/sh"),
                Arguments.of(ManagedFile.RESOLVED, "DNS=203.0.113.9"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hostileLines")
    void refusesALineNoRendererWrites(ManagedFile file, String line) {
        String content = NetworkFiles.render(file, SampleSettings.DEFAULTS) + line + "\n";
        CommandResult result = install(file, content);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains(file.devicePath()).containsAnyOf("refused", "exactly the text");
        assertThat(root.resolve(file.devicePath().substring(1))).doesNotExist();
    }
}
