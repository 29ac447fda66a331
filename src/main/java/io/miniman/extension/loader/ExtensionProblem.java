package io.miniman.extension.loader;

import java.time.Instant;

/** An extension, a jar or a page of one that was skipped, and why. */
public record ExtensionProblem(String source, String reason, Instant at) {
}
