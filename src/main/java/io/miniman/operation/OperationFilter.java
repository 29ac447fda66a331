package io.miniman.operation;

import java.time.Instant;

/** What the Operations view and the API filter on; any field may be null for "all". */
public record OperationFilter(OperationType type, OperationStatus status, String user, Instant from, Instant to,
        String text, String target) {

    /** Without a target filter (the shape callers used before targets could be filtered). */
    public OperationFilter(OperationType type, OperationStatus status, String user, Instant from, Instant to, String text) {
        this(type, status, user, from, to, text, null);
    }

    public static OperationFilter all() {
        return new OperationFilter(null, null, null, null, null, null, null);
    }

    /** The same filter over another time range (a report's period, a dashboard's window). */
    public OperationFilter between(Instant from, Instant to) {
        return new OperationFilter(type, status, user, from, to, text, target);
    }
}
