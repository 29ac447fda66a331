package io.miniman.compose;

import java.time.Instant;

/** One saved state of a stack's files: who saved it, when, and a one-line summary of the change. */
public record StackRevision(long id, String stack, Instant time, String user, StackText text, String summary) {
}
