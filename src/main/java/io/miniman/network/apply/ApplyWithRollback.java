package io.miniman.network.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;


import io.miniman.Listeners;
import io.miniman.Subscription;
import io.miniman.network.NetworkProperties;
import io.miniman.network.apply.ApplySteps.Restored;
import io.miniman.network.apply.ApplyState.Phase;
import io.miniman.network.apply.RenderedFileChecker.Check;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The only way the network changes: validate, check with the real programs, write, restart, then wait
 * for the admin to say "keep". Why the wait: the admin usually sits on the very WiFi being changed. A
 * wrong channel, country or passphrase drops their phone, and with it any chance to click "undo". So
 * the undo is the default: a timer on the server (not in the browser, which may be gone) puts every
 * previous file back byte for byte after {@code miniman.network.confirm-timeout} unless "keep" comes
 * first. A step that fails half-way restores at once. The settings are stored only when kept, so the
 * database always describes a configuration someone could still reach the console through.
 * The decisions run one after another on one thread; the steps are operations run by {@link ApplySteps}.
 */
@Service
public class ApplyWithRollback implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ApplyWithRollback.class);
    static final OperationTarget TARGET = OperationTarget.of(OperationTarget.Kind.NETWORK_SETTINGS, "access point");

    private final NetworkSettingsStore store;
    private final HostFileAccess files;
    private final RenderedFileChecker checker;
    private final OperationService operations;
    private final Validator validator;
    private final RollbackJournal journal;
    private final Clock clock;
    private final Duration confirmTimeout;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "network-apply"));
    private final ApplySteps steps;
    private final Listeners<ApplyState> listeners = new Listeners<>("network changes");
    private final AtomicLong ids = new AtomicLong();
    private final Object lock = new Object();
    // guarded by lock
    private Pending pending;
    private ApplyState last;

    @Autowired
    ApplyWithRollback(NetworkSettingsStore store, HostFileAccess files, RenderedFileChecker checker,
            OperationService operations, Validator validator, RollbackJournal journal, Clock clock,
            NetworkProperties properties) {
        this(store, files, checker, operations, validator, journal, clock, properties.confirmTimeout());
    }

    ApplyWithRollback(NetworkSettingsStore store, HostFileAccess files, RenderedFileChecker checker,
            OperationService operations, Validator validator, RollbackJournal journal, Clock clock,
            Duration confirmTimeout) {
        this.store = store;
        this.files = files;
        this.checker = checker;
        this.operations = operations;
        this.validator = validator;
        this.journal = journal;
        this.steps = new ApplySteps(files, store, operations);
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    private static final class Pending {
        final long id;
        final NetworkSettings proposed;
        final List<String> warnings;
        final List<Snapshot> snapshots = new ArrayList<>();
        final List<Activation> forward = new ArrayList<>();
        final List<Activation> backward = new ArrayList<>();
        Phase phase = Phase.APPLYING;
        ScheduledFuture<?> timer;

        Pending(long id, NetworkSettings proposed, List<String> warnings) {
            this.id = id;
            this.proposed = proposed;
            this.warnings = warnings;
        }
    }

    public Duration confirmTimeout() {
        return confirmTimeout;
    }

    /**
     * Starts applying and returns at once; progress arrives through {@link #subscribe}. Refused while
     * another change is in flight.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ApplyState apply(NetworkSettings proposed, ClientContext client) {
        NetworkPreview.requireValid(validator, proposed);
        List<String> warnings = ConnectionWarnings.of(store.current(), proposed, client);
        Pending started;
        synchronized (lock) {
            if (pending != null) {
                throw new IllegalStateException("Another network change is still " + describe(pending.phase)
                        + "; finish it first.");
            }
            started = new Pending(ids.incrementAndGet(), proposed, warnings);
            pending = started;
        }
        ApplyState state = publish(started, "Applying network settings…", null);
        SecurityContext caller = SecurityContextHolder.getContext();
        worker.execute(() -> as(caller, () -> runApply(started)));
        return state;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void confirm(long id) {
        Pending kept;
        synchronized (lock) {
            kept = awaiting(id);
            kept.timer.cancel(false);
            kept.phase = Phase.CONFIRMED;
            pending = null;
        }
        try {
            store.keep(kept.proposed);
        } catch (RuntimeException e) {
            // one transaction: nothing was stored and the rollback is still held, so the change is undone
            // now rather than at the next start
            boolean undo;
            synchronized (lock) {
                undo = pending == null;
                if (undo) {
                    kept.phase = Phase.AWAITING_CONFIRMATION;
                    pending = kept;
                }
            }
            if (undo) {
                worker.execute(() -> rollBack(kept, "the kept settings could not be stored: " + e.getMessage()));
            }
            throw new IllegalStateException("The settings could not be stored, so they are rolled back: "
                    + e.getMessage(), e);
        }
        operations.record(OperationType.NETWORK, "Keep network settings", TARGET, OperationStatus.COMPLETED,
                "kept by the admin", null);
        publish(kept, "Network settings kept.", null);
    }

    /** Puts the previous files back now instead of waiting for the timer. */
    @PreAuthorize("hasRole('ADMIN')")
    public void revert(long id) {
        Pending reverted;
        synchronized (lock) {
            reverted = awaiting(id);
            reverted.timer.cancel(false);
        }
        SecurityContext caller = SecurityContextHolder.getContext();
        worker.execute(() -> as(caller, () -> rollBack(reverted, "reverted by the admin")));
    }

    public Optional<ApplyState> state() {
        synchronized (lock) {
            return Optional.ofNullable(last);
        }
    }

    /** Listeners are called on the apply thread: views hand the state over with {@code ui.access}. */
    public Subscription subscribe(Consumer<ApplyState> listener) {
        return listeners.add(listener);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        steps.shutdown();
    }

    /**
     * A console that stopped inside the confirmation window (a crash, a reboot, an out-of-memory kill)
     * left new files nobody kept. They are rolled back as soon as it is up again. Not for CLI verbs:
     * only the console itself decides about its own pending change.
     */
    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext) {
            recoverInterruptedChange();
        }
    }

    void recoverInterruptedChange() {
        Optional<List<Snapshot>> held;
        try {
            held = journal.held();
        } catch (IllegalArgumentException e) {
            log.error("the held rollback of an interrupted network change is unreadable; nothing restored", e);
            journal.release();
            return;
        }
        if (held.isEmpty()) {
            return;
        }
        Pending p = new Pending(ids.incrementAndGet(), store.current(), List.of());
        p.snapshots.addAll(held.get());
        // the live steps of the lost change are unknown: restarting every service concerned is always right
        p.snapshots.stream().map(snapshot -> snapshot.file().service()).distinct().sorted()
                .map(Activation::of).forEach(p.backward::add);
        synchronized (lock) {
            if (pending != null) {
                return;
            }
            p.phase = Phase.AWAITING_CONFIRMATION;
            pending = p;
        }
        worker.execute(() -> rollBack(p, "the console restarted before the change was kept"));
    }

    private void runApply(Pending p) {
        try {
            List<RenderedFile> rendered = NetworkFiles.render(p.proposed);
            List<Check> rejected = checker.check(rendered).stream()
                    .filter(check -> check.verdict() == RenderedFileChecker.Verdict.REJECTED).toList();
            if (!rejected.isEmpty()) {
                String reason = rejected.stream().map(c -> c.file().devicePath() + ": " + c.message())
                        .reduce((a, b) -> a + "\n" + b).orElseThrow();
                operations.record(OperationType.NETWORK, "Apply network settings", TARGET, OperationStatus.FAILED,
                        null, "nothing applied, a program refused a file:\n" + reason);
                finish(p, Phase.FAILED, "Nothing applied. " + reason);
                return;
            }
            List<RenderedFile> changed = rendered.stream().filter(file -> !Arrays.equals(
                    files.read(file.file()).orElse(null), file.bytes())).toList();
            if (changed.isEmpty()) {
                store.save(p.proposed);
                finish(p, Phase.CONFIRMED, "Nothing to change: the files already match these settings.");
                return;
            }
            Map<ManagedFile, Optional<byte[]>> previous = new EnumMap<>(ManagedFile.class);
            for (RenderedFile file : changed) {
                Optional<byte[]> before = files.read(file.file());
                p.snapshots.add(new Snapshot(file.file(), before));
                previous.put(file.file(), before);
            }
            Activation.Plan plan = Activation.plan(previous, p.proposed);
            p.forward.addAll(plan.forward());
            p.backward.addAll(plan.backward());
            journal.hold(p.snapshots);
            List<String> skipped = new ArrayList<>();
            try {
                for (RenderedFile file : changed) {
                    steps.write(file, secret(p));
                }
                steps.activate(p.forward, secret(p), skipped);
            } catch (RuntimeException e) {
                Restored restored = steps.restore(p.snapshots, p.backward, secret(p));
                finish(p, Phase.FAILED, "Applying failed: " + e.getMessage() + ". " + restored.text(), restored.clean());
                return;
            }
            awaitConfirmation(p, skipped);
        } catch (RuntimeException e) {
            log.warn("applying network settings failed", e);
            finish(p, Phase.FAILED, "Applying failed: " + e.getMessage());
        }
    }

    private void awaitConfirmation(Pending p, List<String> skipped) {
        Instant deadline = clock.instant().plus(confirmTimeout);
        synchronized (lock) {
            p.phase = Phase.AWAITING_CONFIRMATION;
            p.timer = worker.schedule(() -> rollBack(p, "not kept within " + confirmTimeout.toSeconds() + " s"),
                    confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        String note = skipped.isEmpty() ? "" : " Skipped: " + String.join("; ", skipped) + ".";
        publish(p, "Applied. Keep these settings?" + note, deadline);
    }

    private void rollBack(Pending p, String reason) {
        synchronized (lock) {
            if (pending != p || p.phase != Phase.AWAITING_CONFIRMATION) {
                return;
            }
            p.phase = Phase.ROLLING_BACK;
        }
        publish(p, "Rolling back: " + reason + "…", null);
        Restored restored = steps.restore(p.snapshots, p.backward, secret(p));
        operations.record(OperationType.NETWORK, "Roll back network settings", TARGET,
                restored.clean() ? OperationStatus.COMPLETED : OperationStatus.FAILED,
                restored.clean() ? reason + "; " + restored.text() : null,
                restored.clean() ? null : reason + "; " + restored.text());
        finish(p, Phase.ROLLED_BACK, "Rolled back (" + reason + "). " + restored.text(), restored.clean());
    }

    private Pending awaiting(long id) {
        if (pending == null || pending.id != id || pending.phase != Phase.AWAITING_CONFIRMATION) {
            throw new IllegalStateException("No network change with id " + id
                    + " is waiting for confirmation (it may have been rolled back).");
        }
        return pending;
    }

    private void finish(Pending p, Phase phase, String message) {
        finish(p, phase, message, true);
    }

    /** {@code releaseRollback} false: a restore had problems, so the next start tries the held rollback again. */
    private void finish(Pending p, Phase phase, String message, boolean releaseRollback) {
        if (releaseRollback) {
            journal.release();
        }
        synchronized (lock) {
            p.phase = phase;
            if (pending == p) {
                pending = null;
            }
        }
        publish(p, message, null);
    }

    private ApplyState publish(Pending p, String message, Instant deadline) {
        ApplyState state;
        synchronized (lock) {
            state = new ApplyState(p.id, p.phase, Optional.ofNullable(deadline), p.warnings, message);
            last = state;
        }
        listeners.publish(state);
        return state;
    }

    private static String describe(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String secret(Pending p) {
        return p.proposed.wifi().passphrase();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void as(SecurityContext context, Runnable work) {
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
