package io.miniman.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.network.render.ManagedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way provisioning calls it: a JVM of its own running {@code MinimanApplication render --root DIR},
 * no web server, an empty database the first time and the stored settings the second.
 */
class RenderVerbProcessTest {

    @TempDir
    Path dir;

    private CommandResult render(Path out) {
        return jar("render", "--root", out.toString());
    }

    /** What {@code java -jar miniman.jar ARGS} runs, on the test class path (no packaging needed). */
    private CommandResult jar(String... args) {
        return java(List.of(), args);
    }

    private CommandResult java(List<String> flags, String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dminiman.data-dir=" + dir.resolve("data"),
                "-Dminiman.host.root=" + dir.resolve("host")));
        argv.addAll(flags);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.miniman.MinimanApplication"));
        argv.addAll(List.of(args));
        return new CommandRunner().run(argv, Duration.ofMinutes(3));
    }

    @Test
    void aVerbBuildsItsOwnContextEvenWhenAskedForTheOneWrittenAtBuildTime() {
        // the written definitions are the console's, with a web server: a verb started on them would fail,
        // and on this class path, before packaging, there are none to find
        CommandResult result = java(List.of("-Dspring.aot.enabled=true"), "render", "--root", dir.resolve("out").toString());

        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        assertThat(dir.resolve("out/etc/hostapd/hostapd.conf")).exists();
    }

    @Test
    void writesTheFilesFromDefaultsThenFromTheStoredSettings() throws Exception {
        CommandResult first = render(dir.resolve("first"));
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.stdout()).contains("wrote " + dir.resolve("first/etc/hostapd/hostapd.conf"))
                .contains("WiFi 'miniman' passphrase: ");
        for (ManagedFile file : ManagedFile.values()) {
            assertThat(dir.resolve("first" + file.devicePath())).exists();
        }

        CommandResult second = render(dir.resolve("second"));
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stdout()).as("the passphrase is shown once").doesNotContain("passphrase");
        assertThat(Files.readAllBytes(dir.resolve("second/etc/hostapd/hostapd.conf")))
                .isEqualTo(Files.readAllBytes(dir.resolve("first/etc/hostapd/hostapd.conf")));
    }

    @Test
    void provisioningsOptionsSeedTheFirstSettingsOnly() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "two words here\n");
        CommandResult first = jar("render", "--root", dir.resolve("first").toString(), "--ssid", "Box One",
                "--passphrase-file", passphrase.toString(), "--country", "FR", "--wifi-iface", "wlan1",
                "--uplink-iface", "enp1s0");
        assertThat(first.exitCode()).as(first.stdout() + first.stderr()).isZero();
        assertThat(first.stdout()).as("a passphrase provisioning chose is not echoed").doesNotContain("two words");
        String hostapd = Files.readString(dir.resolve("first/etc/hostapd/hostapd.conf"));
        assertThat(hostapd).contains("\ninterface=wlan1\n", "\nssid=Box One\n", "\ncountry_code=FR\n",
                "\nwpa_passphrase=two words here\n");
        String rules = Files.readString(dir.resolve("first/etc/iptables/rules.v4"));
        assertThat(rules).as("nginx owns port 80 on a provisioned box").doesNotContain("REDIRECT")
                .contains("-A MINIMAN-INPUT -i wlan1 -p tcp -m tcp --dport 22 -j ACCEPT",
                        "-A MINIMAN-POSTROUTING -s 192.168.50.0/24 -o enp1s0 -j MASQUERADE");

        CommandResult again = jar("render", "--root", dir.resolve("again").toString(), "--ssid", "Other");
        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout()).contains("settings are already stored");
        assertThat(Files.readString(dir.resolve("again/etc/hostapd/hostapd.conf"))).isEqualTo(hostapd);
    }

    @Test
    void invalidSeedsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "short\n");
        CommandResult result = jar("render", "--root", dir.resolve("out").toString(), "--passphrase-file",
                passphrase.toString(), "--wifi-iface", "wlan0;reboot");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("wifi.passphrase", "wifi.iface");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingRootIsAUsageError() {
        CommandResult result = jar("render");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("usage: render --root DIR");
    }
}
