package io.miniman.network.apply;

import io.miniman.Listeners;
import io.miniman.Subscription;
import io.miniman.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.host.PrivilegedHelper.Outcome;
import io.miniman.network.NetworkProperties;
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
import io.miniman.operation.OperationUpdate;
import io.miniman.operation.OperationWork;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
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
 * All steps run one after another on one thread; each is an operation of its own.
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
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration confirmTimeout;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "network-apply");
        thread.setDaemon(true);
        return thread;
    });
    private final Listeners<ApplyState> listeners = new Listeners<>("network changes");
    private final AtomicLong ids = new AtomicLong();
    private final Object lock = new Object();
    // guarded by lock
    private Pending pending;
    private ApplyState last;

    @Autowired
    ApplyWithRollback(NetworkSettingsStore store, HostFileAccess files, RenderedFileChecker checker,
            OperationService operations, Validator validator, ObjectMapper json, Clock clock,
            NetworkProperties properties) {
        this(store, files, checker, operations, validator, json, clock, properties.confirmTimeout());
    }

    ApplyWithRollback(NetworkSettingsStore store, HostFileAccess files, RenderedFileChecker checker,
            OperationService operations, Validator validator, ObjectMapper json, Clock clock,
            Duration confirmTimeout) {
        this.store = store;
        this.files = files;
        this.checker = checker;
        this.operations = operations;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
        this.confirmTimeout = confirmTimeout;
    }

    private record Snapshot(ManagedFile file, Optional<byte[]> previous) {
    }

    /** A snapshot as the database holds it: the previous bytes in base64, null for "did not exist". */
    record HeldFile(ManagedFile file, String previous) {
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

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }

    public Duration confirmTimeout() {
        return confirmTimeout;
    }

    /** What applying would change; throws {@link ConstraintViolationException} for invalid settings. */
    @PreAuthorize("hasRole('ADMIN')")
    public ApplyPreview preview(NetworkSettings proposed, ClientContext client) {
        requireValid(proposed);
        List<RenderedFile> rendered = NetworkFiles.render(proposed);
        List<FileChange> changes = rendered.stream().map(this::changeOf).toList();
        List<Check> checks = checker.check(rendered);
        return new ApplyPreview(proposed, changes, checks, ConnectionWarnings.of(store.current(), proposed, client));
    }

    /** Files whose content on disk is not what the console last wrote there (edited by hand). */
    public List<FileChange> drift() {
        List<FileChange> drifted = new ArrayList<>();
        for (ManagedFile file : ManagedFile.values()) {
            Optional<String> written = store.lastWritten(file.devicePath());
            Optional<String> onDisk = files.read(file).map(ApplyWithRollback::text);
            if (written.isPresent() && !written.equals(onDisk)) {
                String disk = onDisk.orElse("");
                drifted.add(new FileChange(file, written, disk, TextDiff.diff(written.get(), disk), true));
            }
        }
        return drifted;
    }

    /**
     * Starts applying and returns at once; progress arrives through {@link #subscribe}. Refused while
     * another change is in flight.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ApplyState apply(NetworkSettings proposed, ClientContext client) {
        requireValid(proposed);
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
        store.save(kept.proposed);
        store.releaseRollback();
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
        Optional<String> held = store.heldRollback();
        if (held.isEmpty()) {
            return;
        }
        Pending p = new Pending(ids.incrementAndGet(), store.current(), List.of());
        try {
            for (HeldFile file : json.readValue(held.get(), HeldFile[].class)) {
                p.snapshots.add(new Snapshot(file.file(), Optional.ofNullable(file.previous())
                        .map(previous -> Base64.getDecoder().decode(previous))));
            }
            // the live steps of the lost change are unknown: restarting every service concerned is always right
            p.snapshots.stream().map(snapshot -> snapshot.file().service()).distinct().sorted()
                    .map(Activation::of).forEach(p.backward::add);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.error("the held rollback of an interrupted network change is unreadable; nothing restored", e);
            store.releaseRollback();
            return;
        }
        synchronized (lock) {
            if (pending != null) {
                return;
            }
            p.phase = Phase.AWAITING_CONFIRMATION;
            pending = p;
        }
        worker.execute(() -> rollBack(p, "the console restarted before the change was kept"));
    }

    private void hold(Pending p) {
        List<HeldFile> held = p.snapshots.stream().map(snapshot -> new HeldFile(snapshot.file(),
                snapshot.previous().map(bytes -> Base64.getEncoder().encodeToString(bytes)).orElse(null))).toList();
        try {
            store.holdRollback(json.writeValueAsString(held));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the previous files for a rollback", e);
        }
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
            hold(p);
            List<String> skipped = new ArrayList<>();
            try {
                for (RenderedFile file : changed) {
                    step(p, "Write " + file.file().devicePath(), ctx -> {
                        files.write(file.file(), file.bytes());
                        store.recordWritten(file.file().devicePath(), file.content());
                        return "written";
                    });
                }
                activate(p, skipped);
            } catch (RuntimeException e) {
                String restored = restore(p);
                finish(p, Phase.FAILED, "Applying failed: " + e.getMessage() + ". " + restored);
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
        String restored = restore(p);
        operations.record(OperationType.NETWORK, "Roll back network settings", TARGET, OperationStatus.COMPLETED,
                reason + "; " + restored, null);
        finish(p, Phase.ROLLED_BACK, "Rolled back (" + reason + "). " + restored);
    }

    /** Best effort on every file and service: one failure must not leave the others on the new settings. */
    private String restore(Pending p) {
        List<String> problems = new ArrayList<>();
        for (Snapshot snapshot : p.snapshots) {
            String path = snapshot.file().devicePath();
            try {
                step(p, "Restore " + path, ctx -> {
                    if (snapshot.previous().isPresent()) {
                        files.write(snapshot.file(), snapshot.previous().get());
                        store.recordWritten(path, text(snapshot.previous().get()));
                        return "previous version put back";
                    }
                    files.remove(snapshot.file());
                    return "removed: it did not exist before";
                });
            } catch (RuntimeException e) {
                problems.add(path + ": " + e.getMessage());
            }
        }
        for (Activation activation : p.backward) {
            try {
                step(p, "Restore: " + activation.label(), ctx -> activateOne(activation));
            } catch (RuntimeException e) {
                problems.add(activation.label() + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? "The previous files were put back."
                : "The previous files were put back with problems: " + String.join("; ", problems);
    }

    private void activate(Pending p, List<String> skipped) {
        for (Activation activation : p.forward) {
            String result = step(p, activation.label(), ctx -> activateOne(activation));
            if (result != null && result.startsWith("skipped")) {
                skipped.add(activation.label() + " (" + result.substring("skipped: ".length()) + ")");
            }
        }
    }

    private String activateOne(Activation activation) {
        Outcome outcome = files.activate(activation);
        if (outcome instanceof Outcome.Failed failed) {
            throw new IllegalStateException(failed.message());
        }
        return outcome.describe();
    }

    private String step(Pending p, String name, OperationWork work) {
        OperationUpdate done = operations.submit(OperationType.NETWORK, name, TARGET, ctx -> {
            ctx.secret(p.proposed.wifi().passphrase());
            return work.run(ctx);
        }).completion().join();
        if (done.status() != OperationStatus.COMPLETED) {
            throw new StepFailed(name + ": " + done.errorMessage());
        }
        return done.result();
    }

    private Pending awaiting(long id) {
        if (pending == null || pending.id != id || pending.phase != Phase.AWAITING_CONFIRMATION) {
            throw new IllegalStateException("No network change with id " + id
                    + " is waiting for confirmation (it may have been rolled back).");
        }
        return pending;
    }

    private void finish(Pending p, Phase phase, String message) {
        store.releaseRollback();
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

    private void requireValid(NetworkSettings proposed) {
        Set<ConstraintViolation<NetworkSettings>> violations = validator.validate(proposed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static String describe(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void as(SecurityContext context, Runnable work) {
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private FileChange changeOf(RenderedFile file) {
        Optional<String> before = files.read(file.file()).map(ApplyWithRollback::text);
        Optional<String> written = store.lastWritten(file.file().devicePath());
        boolean handEdited = before.isPresent() && written.isPresent() && !written.equals(before);
        return new FileChange(file.file(), before, file.content(), TextDiff.diff(before.orElse(""), file.content()),
                handEdited);
    }
}
