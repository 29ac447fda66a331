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
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dminiman.data-dir=" + dir.resolve("data"),
                "-Dminiman.host.root=" + dir.resolve("host"), "-cp", System.getProperty("java.class.path"),
                "io.miniman.MinimanApplication"));
        argv.addAll(List.of(args));
        return new CommandRunner().run(argv, Duration.ofMinutes(3));
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
    void aMissingRootIsAUsageError() {
        CommandResult result = jar("render");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("usage: render --root DIR");
    }
}
