package io.miniman.docker.image;

/** What a prune freed. */
public record PruneResult(long reclaimedBytes) {
}
