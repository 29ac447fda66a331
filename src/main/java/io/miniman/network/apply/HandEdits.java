package io.miniman.network.apply;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.miniman.network.render.ManagedFile;
import io.miniman.network.store.NetworkSettingsStore;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Files whose content on disk is not what the console last wrote there (edited by hand). Reading them
 * on the box is one root-helper call per managed file, so the answer is kept until something can have
 * changed it: a network change (any step of it), or an admin asking to check again. Admins only: the
 * diff shows file contents, and only an admin can act on it.
 */
@Service
public class HandEdits {

    private final NetworkSettingsStore store;
    private final HostFileAccess files;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Report cached;

    HandEdits(NetworkSettingsStore store, HostFileAccess files, ApplyWithRollback apply, Clock clock) {
        this.store = store;
        this.files = files;
        this.clock = clock;
        // never closed: both live as long as the application
        apply.subscribe(state -> {
            changes.incrementAndGet();
            cached = null;
        });
    }

    /** What the last check found, and when. */
    public record Report(List<FileChange> drifted, Instant checkedAt) {
    }

    /** The last check's answer; checks only when there is none yet (or a change made it stale). */
    @PreAuthorize("hasRole('ADMIN')")
    public Report report() {
        Report report = cached;
        return report != null ? report : checkAgain();
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Report checkAgain() {
        long before = changes.get();
        List<FileChange> drifted = new ArrayList<>();
        for (ManagedFile file : ManagedFile.values()) {
            Optional<String> written = store.lastWritten(file.devicePath());
            if (written.isEmpty()) {
                continue;
            }
            Optional<String> onDisk = files.read(file).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
            if (!written.equals(onDisk)) {
                String disk = onDisk.orElse("");
                drifted.add(new FileChange(file, written, disk, TextDiff.diff(written.get(), disk), true));
            }
        }
        Report report = new Report(List.copyOf(drifted), clock.instant());
        if (changes.get() == before) {
            // a change that moved on meanwhile may have made this answer stale already
            cached = report;
        }
        return report;
    }
}
