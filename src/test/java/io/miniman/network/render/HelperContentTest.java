package io.miniman.network.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root helper installs only what the renderers write: every sample's files pass, and a line a
 * renderer would never write is refused, so sudo on the helper is not sudo on dnsmasq's or the kernel's
 * options. Likewise its {@code update} verb starts the swap only on what the console stages: exactly
 * three plain files in the staging folder, no path of the caller's, no link.
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

    private static final String STAGED = "opt/miniman/data/updates/ready";
    private static final String SWAP = "run: systemd-run --collect --unit=miniman-update -- /usr/local/sbin/miniman-update apply";

    private CommandResult helper(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "MINIMAN_HELPER_ROOT=" + root, SCRIPT.toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(argv, Duration.ofSeconds(20));
    }

    /** What UpdateActions stages: the jar, its sha256 line and its version, plain files. */
    private Path stageRelease() throws Exception {
        Path ready = Files.createDirectories(root.resolve(STAGED));
        Files.writeString(ready.resolve("miniman.jar"), "PK jar");
        Files.writeString(ready.resolve("miniman.jar.sha256"), "ab".repeat(32) + "  miniman.jar\n");
        Files.writeString(ready.resolve("version"), "1.2.0\n");
        return ready;
    }

    private void assertRefused(CommandResult result, String why) {
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("miniman-helper: ").contains(why);
        assertThat(result.stdout()).doesNotContain("run:");
    }

    @Test
    void updateStartsTheSwapOnWhatTheConsoleStaged() throws Exception {
        stageRelease();
        CommandResult result = helper("update");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(SWAP);
    }

    @Test
    void updateTakesNoPathOfTheCaller() throws Exception {
        stageRelease();
        Path elsewhere = Files.writeString(root.resolve("evil.jar"), "PK other");
        for (String argument : List.of(elsewhere.toString(), "/" + STAGED + "/miniman.jar", "../../etc/shadow", "--now")) {
            assertRefused(helper("update", argument), "update takes no arguments");
        }
    }

    @Test
    void updateRefusesAStagingFolderWithOtherNamesOrMissingFiles() throws Exception {
        assertRefused(helper("update"), "no update staged");
        Path ready = stageRelease();
        Files.writeString(ready.resolve("apply.sh"), "#!/bin/sh\n");
        assertRefused(helper("update"), "not a file the console stages: /" + STAGED + "/apply.sh");
        Files.delete(ready.resolve("apply.sh"));
        Files.writeString(ready.resolve(".hidden"), "x");
        assertRefused(helper("update"), "not a file the console stages: /" + STAGED + "/.hidden");
        Files.delete(ready.resolve(".hidden"));
        Files.move(ready.resolve("miniman.jar"), ready.resolve("miniman-1.2.0.jar"));
        assertRefused(helper("update"), "not a file the console stages: /" + STAGED + "/miniman-1.2.0.jar");
        Files.delete(ready.resolve("miniman-1.2.0.jar"));
        assertRefused(helper("update"), "/" + STAGED + "/miniman.jar is missing");
        Files.createDirectory(ready.resolve("miniman.jar"));
        assertRefused(helper("update"), "/" + STAGED + "/miniman.jar is not a plain file");
    }

    @Test
    void updateRefusesLinksAnywhereOnTheWay() throws Exception {
        Path ready = stageRelease();
        Files.delete(ready.resolve("miniman.jar"));
        Files.createSymbolicLink(ready.resolve("miniman.jar"), Path.of("/etc/passwd"));
        assertRefused(helper("update"), "/" + STAGED + "/miniman.jar is a symbolic link");
        Files.delete(ready.resolve("miniman.jar"));
        Files.writeString(ready.resolve("miniman.jar"), "PK jar");
        Files.delete(ready.resolve("version"));
        Files.createSymbolicLink(ready.resolve("version"), root.resolve("elsewhere-version"));
        assertRefused(helper("update"), "/" + STAGED + "/version is a symbolic link");

        // the whole folder, or its parent, pointing somewhere the console does not own
        Path outside = root.resolve("outside");
        Files.move(ready, outside);
        Files.createSymbolicLink(ready, outside);
        assertRefused(helper("update"), STAGED + " is a symbolic link");
        Files.delete(ready);
        Path updates = ready.getParent();
        Files.move(updates, root.resolve("outside-updates"));
        Files.createSymbolicLink(updates, root.resolve("outside-updates"));
        assertRefused(helper("update"), "opt/miniman/data/updates is a symbolic link");
    }

    @Test
    void updateRefusesAChecksumOrVersionUnlikeTheConsoles() throws Exception {
        Path ready = stageRelease();
        Files.writeString(ready.resolve("miniman.jar.sha256"), "not a checksum\n");
        assertRefused(helper("update"), "holds no sha256");
        stageRelease();
        Files.writeString(ready.resolve("version"), "1.2.0; reboot\n");
        assertRefused(helper("update"), "holds no version");
    }
}
