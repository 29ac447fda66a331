package io.miniman.system.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.miniman.backup.BackupPart;
import io.miniman.backup.RestoreChoice;
import io.miniman.backup.RestoreContext;
import io.miniman.operation.OperationContext;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;
import io.miniman.security.CurrentUser;
import io.miniman.system.backup.RestorePlan.PartPlan;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Restore in three steps, each refusing with a reason before anything changes: an upload streamed to a
 * file (never the heap) and cut off at the archive limit; a check of the archive and a preview from every
 * part; then one operation that first backs up the current state, restores the parts in order and, when
 * a part fails, puts the parts already restored back from that backup. One restore runs at a time: a
 * second one is refused, not queued behind the first (it would restore over what the admin just saw).
 */
@Service
public class RestoreService {

    static final OperationTarget TARGET = OperationTarget.of(OperationTarget.Kind.SETTINGS, "backup-restore", "backup restore");
    private static final Pattern STAGED = Pattern.compile("upload-\\d{1,20}\\.bin");
    private static final Duration STALE = Duration.ofHours(1);

    private final BackupService backups;
    private final OperationService operations;
    private final Clock clock;
    private final AtomicReference<String> running = new AtomicReference<>();

    RestoreService(BackupService backups, OperationService operations, Clock clock) {
        this.backups = backups;
        this.operations = operations;
        this.clock = clock;
    }

    /** Copies an upload to a file, stopping (and deleting it) as soon as it passes the archive limit. */
    StagedUpload stage(InputStream in, String fileName) {
        Path file = newStagedFile();
        long limit = backups.limits().archiveLimit();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new BackupRefusedException("The upload is larger than " + limit + " bytes, the largest backup accepted.");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            delete(file);
            throw new BackupRefusedException("The upload broke off: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
        return new StagedUpload(file.getFileName().toString(), fileName == null ? "upload" : fileName, total);
    }

    /** A kept archive, copied into the staging folder so it is checked and restored like an upload. */
    StagedUpload stageStored(String name) {
        try (InputStream in = backups.open(name)) {
            return stage(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    void discard(String id) {
        delete(staged(id));
    }

    /** Reads and checks the archive and asks every part what it would change; changes nothing. */
    RestorePlan inspect(StagedUpload upload) {
        BackupContents contents = backups.reader().read(staged(upload.id()));
        List<PartPlan> plans = new ArrayList<>();
        for (BackupPart part : backups.parts()) {
            Map<String, byte[]> entries = contents.parts().get(part.name());
            if (entries != null) {
                try {
                    plans.add(new PartPlan(part.name(), part.title(), part.preview(entries)));
                } catch (IllegalArgumentException e) {
                    throw new BackupRefusedException(part.title() + " cannot be restored: " + e.getMessage(), e);
                }
            }
        }
        return new RestorePlan(upload, contents.manifest(), plans, contents.unknownParts());
    }

    /** Checks the archive again (the box may have changed since the preview) and starts the restore. */
    OperationHandle restore(StagedUpload upload, Map<String, String> answers, String remoteAddress) {
        String who = CurrentUser.name().orElse("system");
        if (!running.compareAndSet(null, who)) {
            throw new IllegalStateException("A restore started by " + running.get() + " is still running; wait for it to end.");
        }
        try {
            RestorePlan plan;
            try {
                plan = inspect(upload);
            } catch (BackupRefusedException e) {
                delete(incoming().resolve(upload.id()));
                throw e;
            }
            for (RestoreChoice choice : plan.choices()) {
                String answer = answers.get(choice.key());
                if (answer == null || !choice.options().contains(answer)) {
                    throw new BackupRefusedException("Not answered: " + choice.question());
                }
            }
            BackupContents contents = backups.reader().read(staged(upload.id()));
            SecurityContext caller = SecurityContextHolder.getContext();
            OperationHandle handle = operations.submit(OperationType.SYSTEM, "Restore backup", TARGET, ctx -> {
                SecurityContextHolder.setContext(caller);
                try {
                    return run(upload, contents, new RestoreContext(answers, remoteAddress, ctx::progress), ctx);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            // callers see the end only after the upload is gone and the next restore may start
            return new OperationHandle(handle.id(), handle.completion().whenComplete((update, error) -> {
                running.set(null);
                delete(incoming().resolve(upload.id()));
            }));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
    }

    /** Who runs a restore now, if anyone. */
    Optional<String> running() {
        return Optional.ofNullable(running.get());
    }

    private String run(StagedUpload upload, BackupContents contents, RestoreContext context, OperationContext ctx) {
        ctx.progress("backing up the current state first");
        StoredBackup safety = backups.store(BackupService.PRE_RESTORE, true);
        backups.prune(BackupService.PRE_RESTORE, BackupService.PRE_RESTORE_KEPT);
        ctx.progress("current state saved as " + safety.name());
        List<BackupPart> done = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (BackupPart part : backups.parts()) {
            Map<String, byte[]> entries = contents.parts().get(part.name());
            if (entries == null) {
                continue;
            }
            ctx.progress("restoring " + part.title().toLowerCase());
            try {
                results.add(part.restore(entries, context));
                done.add(part);
            } catch (RuntimeException e) {
                throw new IllegalStateException(part.title() + " could not be restored: " + e.getMessage() + ". "
                        + undo(done, safety, ctx::progress), e);
            }
        }
        contents.unknownParts().forEach(name -> results.add("skipped '" + name + "' (not known to this console)"));
        return "restored " + upload.fileName() + " (the state before is kept as " + safety.name() + "): "
                + String.join("; ", results);
    }

    /** Puts the parts already restored back as they were, from the backup taken at the start. */
    private String undo(List<BackupPart> done, StoredBackup safety, Consumer<String> progress) {
        if (done.isEmpty()) {
            return "Nothing was changed.";
        }
        BackupContents before = backups.reader().read(backups.file(safety.name()));
        RestoreContext context = new RestoreContext(Map.of(), "", progress);
        List<String> out = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            BackupPart part = done.get(i);
            try {
                part.restore(before.parts().getOrDefault(part.name(), Map.of()), context);
                out.add(part.title() + " put back");
            } catch (RuntimeException e) {
                out.add(part.title() + " NOT put back (" + e.getMessage() + "; see " + safety.name() + ")");
            }
        }
        return String.join("; ", out) + ".";
    }

    private Path incoming() {
        return backups.dir().resolve("incoming");
    }

    private Path newStagedFile() {
        try {
            Path dir = Files.createDirectories(incoming());
            removeStale(dir);
            return Files.createTempFile(dir, "upload-", ".bin",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage an upload in " + incoming() + ": " + e.getMessage(), e);
        }
    }

    /** Uploads nobody restored or discarded (a closed tab) are deleted after an hour. */
    private void removeStale(Path dir) throws IOException {
        try (var files = Files.newDirectoryStream(dir, "upload-*.bin")) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toInstant().isBefore(clock.instant().minus(STALE))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private Path staged(String id) {
        if (id == null || !STAGED.matcher(id).matches()) {
            throw new BackupRefusedException("No uploaded archive '" + id + "'.");
        }
        Path file = incoming().resolve(id);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BackupRefusedException("The uploaded archive is gone (restored, discarded or older than an hour); upload it again.");
        }
        return file;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
