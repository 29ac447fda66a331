package io.miniman.operation.alert;

import java.time.Instant;

/**
 * A row of the page's destinations: a channel set in the console ({@code channel} present) or a
 * collector from the environment (read-only), with its counts and whether it fails.
 */
public record ChannelState(ChannelSummary channel, String name, String kind, String address, boolean forwardOperations,
        long sent, long dropped, Instant failingSince, String reason) {

    public boolean failing() {
        return failingSince != null;
    }
}
