package io.miniman.compose;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.miniman.docker.DockerProperties;
import io.miniman.host.CommandResult;
import io.miniman.host.CommandRunner;
import io.miniman.host.RunningCommand;

/**
 * The real compose CLI, found once and then run as argument lists: always with the stack's folder as
 * {@code --project-directory}, its name as {@code -p} and its file as {@code -f}, so a stack behaves
 * the same whether the console or a person at a shell runs it, and aimed at the console's own engine.
 */
@Component
public class ComposeCli {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private final CommandRunner runner;
    private final DockerProperties docker;
    private volatile ComposeProgram program;

    public ComposeCli(CommandRunner runner, DockerProperties docker) {
        this.runner = runner;
        this.docker = docker;
    }

    /** The program found at first use (v1 is a Python program: probing it costs a second, so not at start-up). */
    public ComposeProgram program() {
        ComposeProgram found = program;
        if (found == null) {
            synchronized (this) {
                if (program == null) {
                    program = detect();
                }
                found = program;
            }
        }
        return found;
    }

    private ComposeProgram detect() {
        Optional<Path> dockerCli = CommandRunner.which("docker");
        if (dockerCli.isPresent()) {
            CommandResult v2 = runner.run(List.of(dockerCli.get().toString(), "compose", "version", "--short"), PROBE_TIMEOUT);
            if (v2.ok() && !v2.stdout().isBlank()) {
                return new ComposeProgram(List.of(dockerCli.get().toString()), v2.stdout().strip(), true);
            }
        }
        Optional<Path> v1Cli = CommandRunner.which("docker-compose");
        if (v1Cli.isPresent()) {
            CommandResult v1 = runner.run(List.of(v1Cli.get().toString(), "version", "--short"), PROBE_TIMEOUT);
            if (v1.ok()) {
                return new ComposeProgram(List.of(v1Cli.get().toString()), v1.stdout().strip(), false);
            }
        }
        return ComposeProgram.NONE;
    }

    /** The full argument list for one compose verb on the project in {@code dir} with {@code file}. */
    List<String> argv(Path dir, String project, Path file, Path envFile, List<String> verb) {
        ComposeProgram found = program();
        if (!found.installed()) {
            throw new IllegalStateException("No compose program is installed: " + found.describe());
        }
        List<String> argv = new ArrayList<>(found.command());
        argv.addAll(List.of("--host", docker.host()));
        if (docker.certPath() != null && !docker.certPath().isBlank()) {
            Path certs = Path.of(docker.certPath());
            argv.addAll(List.of("--tlsverify", "--tlscacert", certs.resolve("ca.pem").toString(),
                    "--tlscert", certs.resolve("cert.pem").toString(), "--tlskey", certs.resolve("key.pem").toString()));
        }
        // the engine and TLS options belong to the docker CLI itself for the v2 plugin, to docker-compose for v1
        if (found.v2()) {
            argv.add("compose");
        }
        argv.addAll(List.of("--ansi", "never", "--project-directory", dir.toString(), "-p", project, "-f", file.toString()));
        if (envFile != null) {
            argv.addAll(List.of("--env-file", envFile.toString()));
        }
        argv.addAll(verb);
        return argv;
    }

    /** {@code envFile} null: compose reads the .env of the project directory, as it would at a shell. */
    CommandResult run(Path dir, String project, Path file, Path envFile, List<String> verb, Duration timeout) {
        return runner.run(argv(dir, project, file, envFile, verb), timeout);
    }

    RunningCommand start(Path dir, String project, Path file, List<String> verb, Duration timeout, Consumer<String> lines) {
        return runner.start(argv(dir, project, file, null, verb), timeout, lines);
    }
}
