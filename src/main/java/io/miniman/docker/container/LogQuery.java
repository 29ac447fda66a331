package io.miniman.docker.container;

import java.time.Instant;

/** The last {@code tail} lines (0: none, null: all the engine has), optionally only those since a time. */
public record LogQuery(Integer tail, Instant since, boolean timestamps) {

    public static LogQuery tail(int lines) {
        return new LogQuery(lines, null, true);
    }
}
