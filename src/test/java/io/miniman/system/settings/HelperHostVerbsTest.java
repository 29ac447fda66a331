package io.miniman.system.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.testsupport.Requires;

/**
 * The root helper's host verbs, run against a folder root (commands are printed, not run): each checks
 * its arguments again, whatever the console sent.
 */
class HelperHostVerbsTest {

    private static final Path PROVISIONING = Path.of("provisioning").toAbsolutePath();
    private static final CommandRunner RUNNER = new CommandRunner();

    @TempDir
    Path root;

    private CommandResult helper(String... args) {
        List<String> argv = new ArrayList<>(List.of("env", "MINIMAN_HELPER_ROOT=" + root,
                PROVISIONING.resolve("miniman-helper").toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(argv, Duration.ofSeconds(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "box-1", "MiniMan", "x23456789012345678901234567890123456789012345678901234567890123"})
    void aHostNameLabelIsSetWithHostnamectl(String name) {
        CommandResult result = helper("hostname", name);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().strip()).isEqualTo("run: hostnamectl set-hostname -- " + name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-box", "box-", "bo_x", "box.local", "box name", "--static",
            "x234567890123456789012345678901234567890123456789012345678901234", "box\nevil"})
    void anythingElseIsRefused(String name) {
        CommandResult result = helper("hostname", name);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("not a host name");
        assertThat(result.stdout()).doesNotContain("run:");
    }

    @Test
    void aTimeZoneMustBeAZoneFileOfTheSystem() {
        Requires.that(Files.isRegularFile(Path.of("/usr/share/zoneinfo/Europe/Berlin")), "the tzdata package");
        assertThat(helper("timezone", "Europe/Berlin").stdout().strip()).isEqualTo("run: timedatectl set-timezone -- Europe/Berlin");
        assertThat(helper("timezone", "UTC").exitCode()).isZero();
        for (String bad : List.of("../../etc/shadow", "Europe/../../etc/shadow", "Mars/Olympus", "posix/Europe/Berlin",
                "/etc/localtime", "Europe", "-h")) {
            CommandResult result = helper("timezone", bad);
            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.stdout()).as(bad).doesNotContain("run:");
        }
    }

    @Test
    void rebootAndPowerOffAreDelayedAndTakeNoArguments() {
        assertThat(helper("reboot").stdout().strip())
                .isEqualTo("run: systemd-run --collect --unit=miniman-reboot --on-active=3 -- systemctl reboot");
        assertThat(helper("poweroff").stdout().strip())
                .isEqualTo("run: systemd-run --collect --unit=miniman-poweroff --on-active=3 -- systemctl poweroff");
        assertThat(helper("reboot", "--force").exitCode()).isEqualTo(2);
        assertThat(helper("poweroff", "now").exitCode()).isEqualTo(2);
    }

    @Test
    void resetTakesOnlyItsTwoOptionsOnce() {
        assertThat(helper("system-reset", "--no-reboot").stdout().strip())
                .isEqualTo("run: systemd-run --collect --unit=miniman-system-reset -- /usr/local/bin/system-reset --yes --no-reboot");
        assertThat(helper("system-reset", "--purge-docker", "--no-reboot").exitCode()).isZero();
        for (List<String> bad : List.of(List.of("--no-reboot", "--no-reboot"), List.of("--yes"), List.of("--describe"),
                List.of("--keep-docker", "x"))) {
            List<String> args = new ArrayList<>(List.of("system-reset"));
            args.addAll(bad);
            assertThat(helper(args.toArray(String[]::new)).exitCode()).as(bad.toString()).isEqualTo(2);
        }
    }

    /** The console shows system-reset's own words: what the script prints before it asks on a terminal. */
    @Test
    void theResetDescriptionIsTheScriptsOwnText() throws Exception {
        Path bin = Files.createDirectories(root.resolve("usr/local/bin"));
        Files.copy(PROVISIONING.resolve("system-reset"), bin.resolve("system-reset"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(PROVISIONING.resolve("lib.sh"), bin.resolve("lib.sh"));
        CommandResult direct = RUNNER.run(List.of(PROVISIONING.resolve("system-reset").toString(), "--describe",
                "--no-reboot"), Duration.ofSeconds(20));

        CommandResult described = helper("system-reset-describe", "--no-reboot");
        assertThat(described.exitCode()).as(described.stderr()).isZero();
        assertThat(described.stdout()).isEqualTo(direct.stdout())
                .startsWith("This resets the WiFi, the network, the console's users and its history.")
                .contains("keeps Docker's containers").doesNotContain("reboots the box");
        assertThat(helper("system-reset-describe", "--purge-docker", "--no-reboot").stdout())
                .contains("removes every container, image and volume");
        assertThat(helper("system-reset-describe").stdout()).contains("- reboots the box");
        assertThat(helper("system-reset-describe", "--yes").exitCode()).isEqualTo(2);
    }
}
