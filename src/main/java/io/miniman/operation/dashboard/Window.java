package io.miniman.operation.dashboard;

import java.time.Instant;
import java.util.Objects;

/** A time range of the log by start time: from inclusive, to exclusive. */
public record Window(Instant from, Instant to) {

    public Window {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the period must end after it starts");
        }
    }
}
