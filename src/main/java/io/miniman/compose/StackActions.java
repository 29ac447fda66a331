package io.miniman.compose;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.InvalidInputException;
import io.miniman.host.CommandResult;
import io.miniman.host.RunningCommand;
import io.miniman.operation.OperationContext;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationType;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Every change to a stack, as an operation (one at a time per stack). Files are checked before the
 * operation is queued, so bad input is refused at once and nothing on disk changes; running a stack
 * re-reads its effective configuration, so a non-admin cannot start what the run dialog would refuse.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class StackActions {

    /** Lines of a failed run quoted in the operation's error (the full output is in its details). */
    private static final int ERROR_LINES = 6;

    public enum Verb {
        UP("Up", List.of("up", "-d")), DOWN("Down", List.of("down")), STOP("Stop", List.of("stop")),
        START("Start", List.of("start")), RESTART("Restart", List.of("restart")), PULL("Pull", List.of("pull")),
        RECREATE("Recreate", List.of("up", "-d", "--force-recreate"));

        private final String label;
        private final List<String> args;

        Verb(String label, List<String> args) {
            this.label = label;
            this.args = args;
        }

        public String label() {
            return label;
        }
    }

    /** Verbs that start containers: a non-admin may only use them on a stack that keeps inside its containers. */
    private static final Set<Verb> STARTING = Set.of(Verb.UP, Verb.START, Verb.RESTART, Verb.RECREATE);

    private final StackFiles files;
    private final StackValidator validator;
    private final StackRevisions revisions;
    private final ComposeCli cli;
    private final ComposeProperties properties;
    private final OperationService operations;
    private final Validator beanValidator;
    private final StackPolicy policy;

    StackActions(StackFiles files, StackValidator validator, StackRevisions revisions, ComposeCli cli,
            ComposeProperties properties, OperationService operations, Validator beanValidator, StackPolicy policy) {
        this.policy = policy;
        this.files = files;
        this.validator = validator;
        this.revisions = revisions;
        this.cli = cli;
        this.properties = properties;
        this.operations = operations;
        this.beanValidator = beanValidator;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle create(StackDraft draft) {
        valid(draft);
        if (files.exists(draft.name())) {
            throw new InvalidInputException("name", "A stack named '" + draft.name() + "' already exists");
        }
        StackText text = new StackText(draft.compose(), draft.env());
        validator.check(draft.name(), text);
        return write(draft.name(), "Create stack", text, null, true);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle save(StackDraft draft) {
        valid(draft);
        files.composeFile(draft.name());
        StackText text = new StackText(draft.compose(), draft.env());
        validator.check(draft.name(), text);
        return write(draft.name(), "Save stack", text, null, false);
    }

    /** Writes an old revision back as a new one (checked again: an image or env file may have changed since). */
    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle restore(String name, long revisionId) {
        StackRevision revision = revisions.get(name, revisionId);
        files.composeFile(name);
        validator.check(name, revision.text());
        return write(name, "Restore stack revision", revision.text(), revision.id(), false);
    }

    /** Removes the folder and its history; refused while the engine still has containers of it. */
    @PreAuthorize("hasRole('ADMIN')")
    public OperationHandle delete(String name) {
        files.composeFile(name);
        return operations.submit(OperationType.COMPOSE, "Delete stack", StackService.target(name), ctx -> {
            CommandResult ps = cli.run(files.dir(name), name, files.composeFile(name), null, List.of("ps", "-q"),
                    properties.composeTimeout());
            if (!ps.ok()) {
                throw new IllegalStateException(ps.failureText());
            }
            if (!ps.stdout().isBlank()) {
                throw new IllegalStateException("Stack '" + name + "' still has containers: take it down first");
            }
            StackFiles.deleteTree(files.dir(name));
            revisions.forget(name);
            return "deleted " + name;
        });
    }

    public OperationHandle run(String name, Verb verb) {
        return run(name, verb, false);
    }

    /** Takes the stack down; its named volumes go only when {@code removeVolumes} says so. */
    public OperationHandle down(String name, boolean removeVolumes) {
        return run(name, Verb.DOWN, removeVolumes);
    }

    private OperationHandle run(String name, Verb verb, boolean removeVolumes) {
        files.composeFile(name);
        boolean admin = CurrentUser.hasRole(Roles.ADMIN);
        List<String> args = new ArrayList<>(verb.args);
        if (removeVolumes) {
            args.add("--volumes");
        }
        if (cli.program().v2() && (verb == Verb.UP || verb == Verb.RECREATE)) {
            // v1 pulls only what is missing anyway and has no such flag
            args.addAll(List.of("--pull", "missing"));
        }
        String title = verb.label() + (removeVolumes ? " stack and remove its volumes" : " stack");
        return operations.submit(OperationType.COMPOSE, title, StackService.target(name), ctx -> {
            if (!admin && STARTING.contains(verb)) {
                refuseForNonAdmin(name);
            }
            return stream(name, args, ctx);
        });
    }

    private void refuseForNonAdmin(String name) {
        StackText text = files.read(name, properties.composeFileLimit());
        List<String> refusals = policy.refusals(validator.check(name, text));
        if (!refusals.isEmpty()) {
            throw new IllegalStateException("Only an admin may run stack '" + name + "': " + String.join("; ", refusals));
        }
    }

    private String stream(String name, List<String> args, OperationContext ctx) {
        Deque<String> tail = new ArrayDeque<>();
        int exit;
        try (RunningCommand command = cli.start(files.dir(name), name, files.composeFile(name), args, properties.composeTimeout(),
                line -> {
                    ctx.progress(line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > ERROR_LINES) {
                            tail.removeFirst();
                        }
                    }
                })) {
            exit = command.waitFor();
        }
        if (exit != 0) {
            String last;
            synchronized (tail) {
                last = String.join("\n", tail);
            }
            throw new IllegalStateException((exit < 0 ? "timed out after " + properties.composeTimeout() : "compose exited with " + exit)
                    + (last.isBlank() ? "" : ": " + last));
        }
        return String.join(" ", args) + " done";
    }

    private OperationHandle write(String name, String title, StackText text, Long restored, boolean create) {
        String user = CurrentUser.name().orElse("system");
        return operations.submit(OperationType.COMPOSE, title, StackService.target(name), ctx -> {
            // two creates of one name queue behind each other: the second must not write over the first
            if (create && files.exists(name)) {
                throw new IllegalStateException("A stack named '" + name + "' already exists");
            }
            if (files.exists(name)) {
                revisions.rememberOutsideChange(name, files.read(name, Long.MAX_VALUE));
            }
            files.write(name, text);
            StackRevision revision = revisions.record(name, user, text, restored);
            return "revision " + revision.id() + " of " + name + ": " + revision.summary();
        });
    }

    private void valid(StackDraft draft) {
        Set<ConstraintViolation<StackDraft>> violations = beanValidator.validate(draft);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
