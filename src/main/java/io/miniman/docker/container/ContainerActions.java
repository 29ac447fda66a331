package io.miniman.docker.container;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.Subscription;
import io.miniman.docker.ProgressFeeds;
import io.miniman.docker.SecretValues;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.PullProgress;
import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.validation.SpecValidator;
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
    private final SpecValidator validator;
    private final DockerSecurityPolicy policy;
    private final ProgressFeeds<PullProgress> runs = new ProgressFeeds<>("run container pull progress");

    public ContainerActions(ContainerService containers, ImageService images, OperationService operations,
                            SpecValidator validator, DockerSecurityPolicy policy) {
        this.containers = containers;
        this.images = images;
        this.operations = operations;
        this.validator = validator;
        this.policy = policy;
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
     * Runs a new container, pulling its image first when asked and missing (its progress: {@link #followRun}).
     * The spec is checked for its form and for what the current user's role may ask; secret-looking
     * environment values are registered as secrets, so an engine message quoting them is masked in the log.
     */
    public OperationHandle run(RunSpec spec, boolean pullIfMissing) {
        validator.check(spec);
        policy.check(spec);
        // a new container has no id yet: its name (or, unnamed, its image) is what a second run would collide on
        String target = spec.name().isEmpty() ? spec.image() : spec.name();
        return runs.start(progress -> submit("Run container", target, target, ctx -> {
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
        }));
    }

    /** The pull progress of a running "run container" operation that pulls its image first. */
    public Subscription followRun(long operationId, Consumer<? super PullProgress> listener) {
        return runs.follow(operationId, listener);
    }

    /** The operation records the command and the exit code; the output goes back to the caller alone. */
    public ExecHandle execOnce(String id, String name, List<String> command, Duration timeout) {
        AtomicReference<ExecResult> output = new AtomicReference<>();
        OperationHandle handle = submit("Run command in container", id, name, ctx -> {
            ctx.progress("$ " + String.join(" ", command));
            ExecResult result = containers.exec(id, command, timeout);
            output.set(result);
            return "exit code " + result.exitCode();
        });
        return new ExecHandle(handle.id(), handle.completion().thenApply(update ->
                new ExecHandle.Outcome(update, update.status() == OperationStatus.COMPLETED ? output.get() : null)));
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
