package io.miniman.network.apply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.render.RenderedFile;
import org.springframework.stereotype.Component;

/**
 * Hands rendered files to the programs that will read them, before anything is written. hostapd has
 * no parse-only flag: it is started on a copy whose interface does not exist and whose control socket
 * is commented out (line numbers unchanged); a file that parses gets as far as the driver and stops
 * there, one that does not prints "Line N: ..." errors.
 */
@Component
public class RenderedFileChecker {

    public enum Verdict { ACCEPTED, REJECTED, NOT_CHECKED }

    public record Check(ManagedFile file, Verdict verdict, String message) {
    }

    static final String NO_SUCH_INTERFACE = "mmcheck0";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CommandRunner runner;
    private final PrivilegedHelper helper;

    public RenderedFileChecker(CommandRunner runner, PrivilegedHelper helper) {
        this.runner = runner;
        this.helper = helper;
    }

    public List<Check> check(List<RenderedFile> files) {
        Map<ManagedFile, RenderedFile> byFile = files.stream()
                .collect(Collectors.toMap(RenderedFile::file, Function.identity()));
        Path scratch = scratchDir();
        try {
            List<Check> checks = new ArrayList<>();
            for (RenderedFile file : files) {
                checks.add(switch (file.file()) {
                    case DNSMASQ -> dnsmasq(scratch, file);
                    case HOSTAPD -> hostapd(scratch, file, Optional.ofNullable(byFile.get(ManagedFile.HOSTAPD_DENY)));
                    case IPTABLES -> iptables(scratch, file);
                    default -> new Check(file.file(), Verdict.NOT_CHECKED, "no validator for this file");
                });
            }
            return checks;
        } finally {
            deleteTree(scratch);
        }
    }

    private Check dnsmasq(Path scratch, RenderedFile file) {
        Optional<Path> dnsmasq = CommandRunner.which("dnsmasq");
        if (dnsmasq.isEmpty()) {
            return new Check(file.file(), Verdict.NOT_CHECKED, "dnsmasq is not installed");
        }
        Path copy = write(scratch, "dnsmasq.conf", file.bytes());
        CommandResult result = runner.run(List.of(dnsmasq.get().toString(), "--test", "-C", copy.toString()), TIMEOUT);
        return verdict(file, result.ok(), result.failureText().replace(copy.toString(), file.file().devicePath()));
    }

    private Check hostapd(Path scratch, RenderedFile file, Optional<RenderedFile> denyList) {
        Optional<Path> hostapd = CommandRunner.which("hostapd");
        if (hostapd.isEmpty()) {
            return new Check(file.file(), Verdict.NOT_CHECKED, "hostapd is not installed");
        }
        Path deny = write(scratch, "hostapd.deny", denyList.map(RenderedFile::bytes).orElse(new byte[0]));
        String copy = file.content().lines().map(line -> {
            if (line.startsWith("interface=")) {
                return "interface=" + NO_SUCH_INTERFACE;
            }
            if (line.startsWith("ctrl_interface=")) {
                return "#" + line;
            }
            return line.startsWith("deny_mac_file=") ? "deny_mac_file=" + deny : line;
        }).collect(Collectors.joining("\n", "", "\n"));
        Path config = write(scratch, "hostapd.conf", copy.getBytes(StandardCharsets.UTF_8));
        CommandResult result = runner.run(List.of(hostapd.get().toString(), "-dd", config.toString()), TIMEOUT);
        String output = result.stdout() + result.stderr();
        List<String> errors = output.lines()
                .filter(line -> line.startsWith("Line ") || line.contains("errors found in configuration file"))
                .map(line -> line.replace(config.toString(), file.file().devicePath()))
                .toList();
        boolean parsed = errors.isEmpty() && output.contains("nl80211");
        return verdict(file, parsed, errors.isEmpty() ? "hostapd stopped before reaching the driver" : String.join("\n", errors));
    }

    private Check iptables(Path scratch, RenderedFile file) {
        if ("root".equals(System.getProperty("user.name"))) {
            Optional<Path> restore = CommandRunner.which("iptables-restore");
            if (restore.isEmpty()) {
                return new Check(file.file(), Verdict.NOT_CHECKED, "iptables is not installed");
            }
            Path copy = write(scratch, "rules.v4", file.bytes());
            CommandResult result = runner.run(List.of(restore.get().toString(), "--test", copy.toString()), TIMEOUT);
            return verdict(file, result.ok(), result.failureText());
        }
        PrivilegedHelper.Outcome outcome = helper.check("iptables-test", file.bytes());
        if (outcome instanceof PrivilegedHelper.Outcome.Skipped skipped) {
            return new Check(file.file(), Verdict.NOT_CHECKED, "iptables-restore needs root and the " + skipped.reason());
        }
        return verdict(file, outcome instanceof PrivilegedHelper.Outcome.Done, outcome.describe());
    }

    private static Check verdict(RenderedFile file, boolean accepted, String failure) {
        return accepted ? new Check(file.file(), Verdict.ACCEPTED, "accepted")
                : new Check(file.file(), Verdict.REJECTED, failure);
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("miniman-check",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory: " + e.getMessage(), e);
        }
    }

    private static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a scratch copy: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover in the temp dir is harmless next to hiding the check's own result
        }
    }
}
