package io.miniman.compose;

import java.time.Instant;

/** A line one of the stack's containers wrote, with the service it belongs to. */
public record StackLogLine(Instant time, String service, String text) {
}
