package io.miniman.network.store;

import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Makes what was committed so far survive a power cut. The database runs in WAL mode with
 * {@code synchronous=NORMAL}: a commit reaches the log, but the log is synced to the card only at a
 * checkpoint, so the last transactions before a cut can vanish. Most rows may; the saved rollback and
 * "Keep" may not: a lost rollback row leaves unconfirmed files in place for good, a lost "Keep" rolls a
 * kept change back at the next start. A FULL checkpoint syncs the log, copies it into the database
 * file and syncs that too; it waits (busy timeout) for readers of older snapshots.
 */
@Component
class WalCheckpoint {

    private final JdbcTemplate jdbc;

    WalCheckpoint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws when the checkpoint could not take in the whole log: the caller must not rely on durability. */
    void run() {
        // columns: busy (1 when blocked), log (frames in the log), checkpointed (frames copied)
        Map<String, Object> result = jdbc.queryForMap("PRAGMA wal_checkpoint(FULL)");
        Object[] values = result.values().toArray();
        long busy = ((Number) values[0]).longValue();
        long log = ((Number) values[1]).longValue();
        long checkpointed = ((Number) values[2]).longValue();
        if (busy != 0 || checkpointed < log) {
            throw new IllegalStateException("the database could not write its log through to the card (busy)");
        }
    }
}
