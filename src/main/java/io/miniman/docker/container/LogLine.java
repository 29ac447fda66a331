package io.miniman.docker.container;

import java.time.Instant;

/** One line a container wrote; {@code time} is null when the engine was not asked for timestamps. */
public record LogLine(Instant time, Source source, String text) {

    public enum Source { STDOUT, STDERR }
}
