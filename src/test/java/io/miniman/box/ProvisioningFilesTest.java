package io.miniman.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** provisioning/ checked by the programs that read it, without a box: the box itself is BoxSimulationIT's. */
class ProvisioningFilesTest {

    private static final Path PROVISIONING = Path.of("provisioning").toAbsolutePath();
    private static final CommandRunner RUNNER = new CommandRunner();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"provisioning/install.sh", "provisioning/uninstall.sh", "provisioning/system-reset",
            "provisioning/lib.sh", "provisioning/miniman-helper", "src/test/box/box-image.sh"})
    void shellcheckIsClean(String script) {
        Path shellcheck = Requires.program("shellcheck");
        CommandResult result = RUNNER.run(List.of(shellcheck.toString(), "-x", "-S", "warning",
                Path.of(script).toAbsolutePath().toString()), TIMEOUT);
        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void theUnitsVerify() throws IOException {
        Path analyze = Requires.program("systemd-analyze");
        Files.copy(PROVISIONING.resolve("systemd/miniman.service"), dir.resolve("miniman.service"));
        // ExecStart= must name a program that exists on the checking machine: the helper from the repo
        Files.writeString(dir.resolve("miniman-firewall.service"),
                Files.readString(PROVISIONING.resolve("systemd/miniman-firewall.service"))
                        .replace("/usr/local/sbin/miniman-helper", PROVISIONING.resolve("miniman-helper").toString()));
        CommandResult result = RUNNER.run(List.of(analyze.toString(), "verify", "--man=no",
                dir.resolve("miniman.service").toString(), dir.resolve("miniman-firewall.service").toString()), TIMEOUT);
        // typos are only warnings with exit 0: any output is a failure
        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @Test
    void theNginxSiteIsValid() throws IOException {
        Path nginx = Requires.program("nginx");
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        String temps = Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .map(t -> t + "_temp_path " + prefix.resolve(t) + ";\n").reduce("", String::concat);
        Files.writeString(prefix.resolve("nginx.conf"), "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "events {}\nhttp {\n" + temps + "include " + PROVISIONING.resolve("nginx/miniman") + ";\n}\n");
        CommandResult result = RUNNER.run(List.of(nginx.toString(), "-t", "-p", prefix.toString(), "-e",
                prefix.resolve("error.log").toString(), "-c", prefix.resolve("nginx.conf").toString()), TIMEOUT);
        assertThat(result.ok()).as(result.stderr()).isTrue();
        String site = Files.readString(PROVISIONING.resolve("nginx/miniman"));
        assertThat(site).contains("proxy_pass http://127.0.0.1:8000;", "proxy_set_header Upgrade $http_upgrade;",
                "proxy_set_header Connection $connection_upgrade;", "proxy_set_header X-Forwarded-For $remote_addr;");
    }

    @Test
    void sudoersAllowsExactlyTheHelper() throws IOException {
        Path visudo = Requires.program("visudo");
        CommandResult result = RUNNER.run(List.of(visudo.toString(), "-cf", PROVISIONING.resolve("sudoers").toString()),
                TIMEOUT);
        assertThat(result.ok()).as(result.stdout() + result.stderr()).isTrue();
        assertThat(Files.readAllLines(PROVISIONING.resolve("sudoers")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")))
                .containsExactly("miniman ALL=(root) NOPASSWD: /usr/local/sbin/miniman-helper");
    }

    /** One set of flags: the README's 1 GB section, the file the unit passes, and so the benchmarks. */
    @Test
    void jvmOptionsAreTheReadmesFlags() throws IOException {
        Matcher command = Pattern.compile("MALLOC_ARENA_MAX=2 java -XX:SharedArchiveFile=\\S+ \\\\\\n(.*?)-jar",
                Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        assertThat(command.find()).as("the README's java command").isTrue();
        List<String> readme = Arrays.stream(command.group(1).replace("\\\n", " ").trim().split("\\s+")).toList();
        List<String> options = Files.readAllLines(PROVISIONING.resolve("jvm.options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
        assertThat(options).containsExactlyElementsOf(readme);
    }

    /** Refusals come before anything changes; --dry-run on top makes sure this host is never touched. */
    @Test
    void installRefusesBadInputBeforeChangingAnything() {
        Requires.root();
        CommandResult shortPassphrase = install("--dry-run", "--no-wifi-check", "--jar", "pom.xml", "--passphrase",
                "short");
        assertThat(shortPassphrase.exitCode()).isEqualTo(2);
        assertThat(shortPassphrase.stderr()).contains("8-63 characters", "nothing was changed");

        CommandResult noJar = install("--dry-run", "--no-wifi-check");
        assertThat(noJar.exitCode()).isEqualTo(2);
        assertThat(noJar.stderr()).contains("--jar PATH is required", "./mvnw package");

        CommandResult noRadio = install("--dry-run", "--jar", "pom.xml", "--wifi-iface", "mmnoradio0");
        assertThat(noRadio.exitCode()).isEqualTo(2);
        assertThat(noRadio.stderr()).contains("mmnoradio0");

        CommandResult sameIface = install("--dry-run", "--no-wifi-check", "--jar", "pom.xml", "--wifi-iface", "wlan9",
                "--uplink-iface", "wlan9");
        assertThat(sameIface.exitCode()).isEqualTo(2);
        assertThat(sameIface.stderr()).contains("cannot also be the WiFi interface");

        CommandResult plan = install("--dry-run", "--no-wifi-check", "--jar", "pom.xml");
        assertThat(plan.exitCode()).as(plan.stderr()).isZero();
        assertThat(plan.stdout()).contains("/etc/iptables/rules.v6", "Dry run: nothing was changed.");
    }

    private CommandResult install(String... args) {
        List<String> argv = new ArrayList<>(List.of(PROVISIONING.resolve("install.sh").toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(argv, TIMEOUT);
    }
}
