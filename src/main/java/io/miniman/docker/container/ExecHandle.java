package io.miniman.docker.container;

import java.util.concurrent.CompletableFuture;

import io.miniman.operation.OperationUpdate;

/**
 * A command run once in a container. Its output goes to the caller only: the operation's row keeps the
 * command and the exit code, because whoever may read the operations log (viewers too) must not read
 * what a command printed ({@code cat /run/secrets/db} defeats any redaction).
 */
public record ExecHandle(long id, CompletableFuture<Outcome> completion) {

    /** @param result null when the operation failed (the update says why) */
    public record Outcome(OperationUpdate update, ExecResult result) {
    }
}
