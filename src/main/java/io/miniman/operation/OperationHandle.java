package io.miniman.operation;

import java.util.concurrent.CompletableFuture;

/** A submitted operation; its completion never fails exceptionally: a failure is a FAILED update. */
public record OperationHandle(long id, CompletableFuture<OperationUpdate> completion) {
}
