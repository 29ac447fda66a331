package io.miniman.operation.forward;

import java.time.Instant;

/** What the page shows per destination: sent and dropped counts, and since when and why it fails. */
public record TargetState(String key, String label, Destination.Format format, String address, boolean forwardOperations,
        long sent, long dropped, int queued, Instant failingSince, String reason) {

    public boolean failing() {
        return failingSince != null;
    }
}
