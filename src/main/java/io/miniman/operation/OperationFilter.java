package io.miniman.operation;

import java.time.Instant;

/** What the Operations view and the API filter on; any field may be null for "all". */
public record OperationFilter(OperationType type, OperationStatus status, String user, Instant from, Instant to,
        String text) {

    public static OperationFilter all() {
        return new OperationFilter(null, null, null, null, null, null);
    }
}
