package io.miniman.docker;

import java.util.Locale;

/** What a prune freed. */
public record PruneResult(long reclaimedBytes) {

    /** For the operation log, which is written by services (they do not reach into ui for Formats). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "reclaimed %.1f MiB", reclaimedBytes / (1024.0 * 1024.0));
    }
}
