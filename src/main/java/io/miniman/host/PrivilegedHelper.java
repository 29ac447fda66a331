package io.miniman.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Java side of provisioning/miniman-helper, the one root-owned script sudo lets the console run.
 * Arguments travel as a list; the script checks them again against its own allowlists. Where the
 * script is not installed (a developer's machine) every call answers {@link Outcome.Skipped} with the
 * reason, so callers report it instead of failing.
 */
@Component
public class PrivilegedHelper {

    public static final String DEFAULT_PATH = "/usr/local/sbin/miniman-helper";
    /** The script's answer to "read" for a file that does not exist. */
    static final int ABSENT = 3;
    private static final Duration FILE_TIMEOUT = Duration.ofSeconds(20);
    // a restart of hostapd or networkd can take its time on a Pi
    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(60);

    private final CommandRunner runner;
    private final Path script;
    private final List<String> invocation;
    private final Path root;

    /** On the box: {@code sudo -n SCRIPT ...}; files land at their real paths. */
    @Autowired
    public PrivilegedHelper(CommandRunner runner, @Value("${miniman.host.helper:" + DEFAULT_PATH + "}") Path script) {
        this(runner, script, List.of("sudo", "-n", script.toString()), Path.of("/"));
    }

    /** Tests: the script run directly with MINIMAN_HELPER_ROOT, writing under {@code testRoot}. */
    public static PrivilegedHelper forTestRoot(CommandRunner runner, Path script, Path testRoot) {
        return new PrivilegedHelper(runner, script,
                List.of("env", "MINIMAN_HELPER_ROOT=" + testRoot.toAbsolutePath(), script.toAbsolutePath().toString()),
                testRoot.toAbsolutePath().normalize());
    }

    private PrivilegedHelper(CommandRunner runner, Path script, List<String> invocation, Path root) {
        this.runner = runner;
        this.script = script;
        this.invocation = List.copyOf(invocation);
        this.root = root;
    }

    public sealed interface Outcome {
        /** The helper ran and succeeded; {@code output} is what it printed. */
        record Done(String output) implements Outcome {
        }

        /** The helper is not there; nothing was attempted. */
        record Skipped(String reason) implements Outcome {
        }

        record Failed(String message) implements Outcome {
        }

        default String describe() {
            if (this instanceof Skipped skipped) {
                return "skipped: " + skipped.reason();
            }
            return this instanceof Failed failed ? "failed: " + failed.message() : "done";
        }
    }

    public boolean installed() {
        return Files.isExecutable(script);
    }

    /** Where the helper's files land: "/" on the box, the test root in tests. */
    public Path root() {
        return root;
    }

    public Outcome install(String devicePath, byte[] content) {
        return call(FILE_TIMEOUT, content, "install", devicePath);
    }

    public Outcome remove(String devicePath) {
        return call(FILE_TIMEOUT, null, "remove", devicePath);
    }

    /**
     * The file's bytes, exactly (the script sends base64, since command output arrives as text and a
     * hand-edited file need not be UTF-8); empty when it does not exist.
     */
    public Optional<byte[]> read(String devicePath) {
        requireInstalled();
        CommandResult result = runner.run(command("read", devicePath), FILE_TIMEOUT);
        if (result.exitCode() == ABSENT) {
            return Optional.empty();
        }
        if (!result.ok()) {
            throw new IllegalStateException("miniman-helper read " + devicePath + ": " + result.failureText());
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(result.stdout().strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("miniman-helper read " + devicePath + ": output is not base64 (too large?)", e);
        }
    }

    /** Runs one of the helper's other verbs (service, iptables-load, sysctl, deny-mac, stations, ...). */
    public Outcome verb(String verb, String... arguments) {
        return call(SERVICE_TIMEOUT, null, prepend(verb, arguments));
    }

    /**
     * A verb that streams until it is cancelled (journal): its output lines, the helper's own refusal
     * included, go to the sink as they come. The caller closes the command; it ends by itself only when
     * the helper does, or after {@code limit} when someone waits for it.
     */
    public RunningCommand stream(Duration limit, Consumer<String> lineSink, String verb, String... arguments) {
        requireInstalled();
        return runner.start(command(prepend(verb, arguments)), limit, lineSink);
    }

    /** A verb that reads standard input (iptables-test). */
    public Outcome check(String verb, byte[] input) {
        return call(FILE_TIMEOUT, input, verb);
    }

    private static String[] prepend(String first, String... rest) {
        List<String> args = new ArrayList<>();
        args.add(first);
        args.addAll(List.of(rest));
        return args.toArray(String[]::new);
    }

    private Outcome call(Duration timeout, byte[] stdin, String... args) {
        if (!installed()) {
            return new Outcome.Skipped("helper not installed (" + script + ")");
        }
        CommandResult result = runner.run(command(args), timeout, stdin);
        return result.ok() ? new Outcome.Done(result.stdout()) : new Outcome.Failed(result.failureText());
    }

    private void requireInstalled() {
        if (!installed()) {
            throw new IllegalStateException("helper not installed (" + script + ")");
        }
    }

    private List<String> command(String... args) {
        List<String> argv = new ArrayList<>(invocation);
        argv.addAll(List.of(args));
        return argv;
    }
}
