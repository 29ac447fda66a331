package io.miniman.extension;

import java.time.Instant;

/**
 * An operation as it stands. status is one of pending, running, completed, failed; details are the
 * progress lines so far (the last few kilobytes), result the work's return text, error the reason it failed.
 */
public record OperationState(long id, String name, String status, String user, Instant started, Instant ended,
        String details, String result, String error) {

    public boolean finished() {
        return "completed".equals(status) || "failed".equals(status);
    }

    public boolean failed() {
        return "failed".equals(status);
    }
}
