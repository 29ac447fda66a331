package io.miniman.network.apply;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.network.render.ManagedFile;
import io.miniman.network.store.NetworkSettingsStore;
import org.springframework.stereotype.Component;

/**
 * The previous files of a change not yet kept, in the database, so that a console stopped inside the
 * confirmation window (a crash, a reboot, an out-of-memory kill) still rolls back at its next start.
 */
@Component
class RollbackJournal {

    private final NetworkSettingsStore store;
    private final ObjectMapper json;

    RollbackJournal(NetworkSettingsStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** A snapshot as the database holds it: the previous bytes in base64, null for "did not exist". */
    record HeldFile(ManagedFile file, String previous) {
    }

    /** Stored and synced to the card when this returns: only then may the new files be written. */
    void hold(List<Snapshot> snapshots) {
        List<HeldFile> held = snapshots.stream().map(snapshot -> new HeldFile(snapshot.file(),
                snapshot.previous().map(bytes -> Base64.getEncoder().encodeToString(bytes)).orElse(null))).toList();
        try {
            store.holdRollback(json.writeValueAsString(held));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the previous files for a rollback", e);
        }
    }

    /** The held snapshots; throws {@link IllegalArgumentException} when the stored text is unreadable. */
    Optional<List<Snapshot>> held() {
        Optional<String> text = store.heldRollback();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Snapshot> snapshots = new ArrayList<>();
            for (HeldFile file : json.readValue(text.get(), HeldFile[].class)) {
                snapshots.add(new Snapshot(file.file(), Optional.ofNullable(file.previous())
                        .map(previous -> Base64.getDecoder().decode(previous))));
            }
            return Optional.of(snapshots);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the held rollback is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    void release() {
        store.releaseRollback();
    }
}
