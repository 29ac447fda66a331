package io.miniman.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            "provisioning/lib.sh", "provisioning/miniman-helper", "provisioning/miniman-update", "provisioning/record-archive",
            "src/test/box/box-image.sh"})
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
        // install.sh --tls adds this drop-in; systemd reads it from beside the unit
        Files.createDirectories(dir.resolve("miniman.service.d"));
        Files.copy(PROVISIONING.resolve("systemd/miniman-tls.conf"), dir.resolve("miniman.service.d/tls.conf"));
        // ExecStart= must name a program that exists on the checking machine: the helper from the repo
        Files.writeString(dir.resolve("miniman-firewall.service"),
                Files.readString(PROVISIONING.resolve("systemd/miniman-firewall.service"))
                        .replace("/usr/local/sbin/miniman-helper", PROVISIONING.resolve("miniman-helper").toString()));
        Files.writeString(dir.resolve("miniman-update-watchdog.service"),
                Files.readString(PROVISIONING.resolve("systemd/miniman-update-watchdog.service"))
                        .replace("/usr/local/sbin/miniman-update", PROVISIONING.resolve("miniman-update").toString()));
        Files.copy(PROVISIONING.resolve("systemd/miniman-update-watchdog.timer"), dir.resolve("miniman-update-watchdog.timer"));
        CommandResult result = RUNNER.run(List.of(analyze.toString(), "verify", "--man=no",
                dir.resolve("miniman.service").toString(), dir.resolve("miniman-firewall.service").toString(),
                dir.resolve("miniman-update-watchdog.service").toString(), dir.resolve("miniman-update-watchdog.timer").toString()),
                TIMEOUT);
        // typos are only warnings with exit 0: any output is a failure
        assertThat(result.stdout() + result.stderr()).isEmpty();
        assertThat(result.ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"miniman", "miniman-tls"})
    void theNginxSiteIsValid(String site) throws IOException {
        Path nginx = Requires.program("nginx");
        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("snippets"));
        Files.copy(PROVISIONING.resolve("nginx/miniman-proxy.conf"), prefix.resolve("snippets/miniman-proxy.conf"));
        String text = Files.readString(PROVISIONING.resolve("nginx/" + site));
        if (text.contains("/etc/miniman/tls/")) {
            // nginx -t loads the certificate: one as install.sh --tls makes it
            Path openssl = Requires.program("openssl");
            CommandResult made = RUNNER.run(List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-days", "1", "-subj", "/CN=miniman", "-keyout", dir.resolve("miniman.key").toString(), "-out",
                    dir.resolve("miniman.crt").toString()), TIMEOUT);
            assertThat(made.ok()).as(made.stderr()).isTrue();
            text = text.replace("/etc/miniman/tls/", dir + "/");
        }
        Files.writeString(prefix.resolve("site"), text);
        String temps = Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .map(t -> t + "_temp_path " + prefix.resolve(t) + ";\n").reduce("", String::concat);
        Files.writeString(prefix.resolve("nginx.conf"), "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "events {}\nhttp {\n" + temps + "include " + prefix.resolve("site") + ";\n}\n");
        CommandResult result = RUNNER.run(List.of(nginx.toString(), "-t", "-p", prefix.toString(), "-e",
                prefix.resolve("error.log").toString(), "-c", prefix.resolve("nginx.conf").toString()), TIMEOUT);
        assertThat(result.ok()).as(result.stderr()).isTrue();
        assertThat(text).contains("include snippets/miniman-proxy.conf;");
        String proxy = Files.readString(PROVISIONING.resolve("nginx/miniman-proxy.conf"));
        assertThat(proxy).contains("proxy_pass http://127.0.0.1:8000;", "proxy_set_header Upgrade $http_upgrade;",
                "proxy_set_header Connection $connection_upgrade;", "proxy_set_header X-Forwarded-For $remote_addr;");
    }

    /** With --tls, port 80 only sends the browser to https, and the session cookie is for https only. */
    @Test
    void tlsRedirectsPlainHttpAndMakesTheSessionCookieSecure() throws IOException {
        String site = Files.readString(PROVISIONING.resolve("nginx/miniman-tls"));
        String plain = site.substring(site.indexOf("listen 80 "), site.indexOf("listen 443 "));
        assertThat(plain).contains("return 301 https://$host$request_uri;").doesNotContain("include");
        assertThat(site).contains("listen 443 ssl default_server;", "ssl_certificate /etc/miniman/tls/miniman.crt;");
        assertThat(Files.readAllLines(PROVISIONING.resolve("systemd/miniman-tls.conf")))
                .contains("Environment=SERVER_SERVLET_SESSION_COOKIE_SECURE=true");
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
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("the README's java command reads the box's options file")
                .contains("MALLOC_ARENA_MAX=2 java @provisioning/jvm.options -XX:SharedArchiveFile=");
        List<String> explained = readme.lines().filter(line -> line.startsWith("| `")).toList();
        List<String> options = Files.readAllLines(PROVISIONING.resolve("jvm.options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(String::strip).toList();
        assertThat(options).isNotEmpty().allSatisfy(option -> assertThat(explained)
                .as("a row of the README's flag table names %s", option).anyMatch(row -> row.contains(option)));
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
        assertThat(plan.stdout()).contains("/etc/iptables/rules.v6", "Dry run: nothing was changed.")
                .doesNotContain("https");

        CommandResult tlsPlan = install("--dry-run", "--no-wifi-check", "--jar", "pom.xml", "--tls");
        assertThat(tlsPlan.exitCode()).as(tlsPlan.stderr()).isZero();
        assertThat(tlsPlan.stdout()).contains("https           nginx on 443 with a self-signed certificate in /etc/miniman/tls",
                "Dry run: nothing was changed.");
    }

    private CommandResult install(String... args) {
        List<String> argv = new ArrayList<>(List.of(PROVISIONING.resolve("install.sh").toString()));
        argv.addAll(List.of(args));
        return RUNNER.run(argv, TIMEOUT);
    }
}
