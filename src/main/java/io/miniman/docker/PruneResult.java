package io.miniman.docker;

/** What a prune freed. */
public record PruneResult(long reclaimedBytes) {
}
