package io.miniman.network.apply;

import java.util.Optional;

import io.miniman.network.render.ManagedFile;

/** A managed file as it was before a change: its exact bytes, or empty when it did not exist. */
record Snapshot(ManagedFile file, Optional<byte[]> previous) {
}
