package io.miniman.network.apply;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.miniman.host.PrivilegedHelper.Outcome;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.operation.OperationWork;

/**
 * The steps of a network change, each an operation of its own, run on a thread of their own instead of
 * the shared operation pool: four long pulls or builds can hold every worker of that pool, and the
 * restore that gives the admin the WiFi back must not queue behind them. Steps of one change run one
 * after another (they share a target), so one thread is all they need.
 */
final class ApplySteps {

    static final String KEPT_ROLLBACK = "The saved copy of the previous files is kept: the console tries the"
            + " rollback again at its next start.";

    private final HostFileAccess files;
    private final NetworkSettingsStore store;
    private final OperationService operations;
    private final ExecutorService lane = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "network-steps");
        thread.setDaemon(true);
        return thread;
    });

    ApplySteps(HostFileAccess files, NetworkSettingsStore store, OperationService operations) {
        this.files = files;
        this.store = store;
        this.operations = operations;
    }

    /** How a restore went; {@code clean} is false when a file or a service step reported a problem. */
    record Restored(boolean clean, String text) {
    }

    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    void write(RenderedFile file, String secret) {
        step("Write " + file.file().devicePath(), secret, ctx -> {
            files.write(file.file(), file.bytes());
            store.recordWritten(file.file().devicePath(), file.content());
            return "written";
        });
    }

    /** Makes the written files live; a step skipped for want of the helper is added to {@code skipped}. */
    void activate(List<Activation> forward, String secret, List<String> skipped) {
        for (Activation activation : forward) {
            String result = step(activation.label(), secret, ctx -> activateOne(activation));
            if (result != null && result.startsWith("skipped")) {
                skipped.add(activation.label() + " (" + result.substring("skipped: ".length()) + ")");
            }
        }
    }

    /** Best effort on every file and service: one failure must not leave the others on the new settings. */
    Restored restore(List<Snapshot> snapshots, List<Activation> backward, String secret) {
        List<String> problems = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            String path = snapshot.file().devicePath();
            try {
                step("Restore " + path, secret, ctx -> {
                    if (snapshot.previous().isPresent()) {
                        files.write(snapshot.file(), snapshot.previous().get());
                        store.recordWritten(path, new String(snapshot.previous().get(), StandardCharsets.UTF_8));
                        return "previous version put back";
                    }
                    files.remove(snapshot.file());
                    return "removed: it did not exist before";
                });
            } catch (RuntimeException e) {
                problems.add(path + ": " + e.getMessage());
            }
        }
        for (Activation activation : backward) {
            try {
                step("Restore: " + activation.label(), secret, ctx -> activateOne(activation));
            } catch (RuntimeException e) {
                problems.add(activation.label() + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? new Restored(true, "The previous files were put back.")
                : new Restored(false, "The previous files were put back with problems: " + String.join("; ", problems)
                        + ". " + KEPT_ROLLBACK);
    }

    void shutdown() {
        lane.shutdownNow();
    }

    private String activateOne(Activation activation) {
        Outcome outcome = files.activate(activation);
        if (outcome instanceof Outcome.Failed failed) {
            throw new IllegalStateException(failed.message());
        }
        return outcome.describe();
    }

    private String step(String name, String secret, OperationWork work) {
        OperationUpdate done = operations.submit(OperationType.NETWORK, name, ApplyWithRollback.TARGET, lane, ctx -> {
            ctx.secret(secret);
            return work.run(ctx);
        }).completion().join();
        if (done.status() != OperationStatus.COMPLETED) {
            throw new StepFailed(name + ": " + done.errorMessage());
        }
        return done.result();
    }
}
