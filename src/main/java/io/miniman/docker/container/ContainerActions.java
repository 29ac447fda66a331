package io.miniman.docker.container;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.docker.SecretValues;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.PullProgress;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationWork;

/**
 * Every change to a container as an operation: logged with the user, run off the UI thread, one at a
 * time per container. Views call these; reads go straight to {@link ContainerService}.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class ContainerActions {

    /** The stop timeout the console uses: sh as PID 1 ignores SIGTERM, so a long wait only delays the kill. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ContainerService containers;
    private final ImageService images;
    private final OperationService operations;

    public ContainerActions(ContainerService containers, ImageService images, OperationService operations) {
        this.containers = containers;
        this.images = images;
        this.operations = operations;
    }

    private OperationHandle submit(String name, String id, String container, OperationWork work) {
        return operations.submit(OperationType.DOCKER, name, OperationTarget.of(OperationTarget.Kind.CONTAINER, id, container),
                work);
    }

    public OperationHandle start(String id, String name) {
        return submit("Start container", id, name, ctx -> {
            containers.start(id);
            return "started";
        });
    }

    public OperationHandle stop(String id, String name, Duration timeout) {
        return submit("Stop container", id, name, ctx -> {
            containers.stop(id, timeout);
            return "stopped";
        });
    }

    public OperationHandle restart(String id, String name, Duration timeout) {
        return submit("Restart container", id, name, ctx -> {
            containers.restart(id, timeout);
            return "restarted";
        });
    }

    public OperationHandle kill(String id, String name) {
        return submit("Kill container", id, name, ctx -> {
            containers.kill(id);
            return "killed";
        });
    }

    public OperationHandle pause(String id, String name) {
        return submit("Pause container", id, name, ctx -> {
            containers.pause(id);
            return "paused";
        });
    }

    public OperationHandle unpause(String id, String name) {
        return submit("Unpause container", id, name, ctx -> {
            containers.unpause(id);
            return "unpaused";
        });
    }

    public OperationHandle rename(String id, String name, String newName) {
        return submit("Rename container", id, name, ctx -> {
            containers.rename(id, newName);
            return "renamed to " + newName;
        });
    }

    public OperationHandle remove(String id, String name, boolean force, boolean volumes) {
        return submit("Remove container", id, name, ctx -> {
            containers.remove(id, force, volumes);
            return "removed" + (volumes ? " with its anonymous volumes" : "");
        });
    }

    /**
     * Runs a new container, pulling its image first when asked and missing. Secret-looking environment
     * values are registered as secrets, so an engine message quoting them is masked in the log.
     */
    public OperationHandle run(RunSpec spec, boolean pullIfMissing, Consumer<PullProgress> progress) {
        List<String> problems = spec.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        // a new container has no id yet: its name (or, unnamed, its image) is what a second run would collide on
        String target = spec.name().isEmpty() ? spec.image() : spec.name();
        return submit("Run container", target, target, ctx -> {
            spec.env().forEach((key, value) -> {
                if (SecretValues.looksSecret(key) && value != null && !value.isEmpty()) {
                    ctx.secret(value);
                }
            });
            if (pullIfMissing && !images.present(spec.image())) {
                ctx.progress("pulling " + spec.image());
                images.pull(spec.image(), null, progress);
            }
            String id = containers.run(spec);
            return "running as " + id.substring(0, 12);
        });
    }

    /** The result text of the operation is the exit code on the first line, then the output. */
    public OperationHandle execOnce(String id, String name, List<String> command, Duration timeout) {
        return submit("Run command in container", id, name, ctx -> {
            ctx.progress("$ " + String.join(" ", command));
            ExecResult result = containers.exec(id, command, timeout);
            return "exit code " + result.exitCode() + "\n" + result.output() + (result.truncated() ? "\n[output cut]" : "");
        });
    }

    /** An interactive shell is logged once, when it opens; what is typed in it is not recorded. */
    public TerminalSession terminal(String id, String name, List<String> shell, int columns, int rows,
                                    Consumer<String> output, Runnable ended) {
        TerminalSession session = containers.terminal(id, shell, columns, rows, output, ended);
        operations.record(OperationType.DOCKER, "Open terminal", OperationTarget.of(OperationTarget.Kind.CONTAINER, id, name),
                OperationStatus.COMPLETED,
                String.join(" ", shell), null);
        return session;
    }
}
