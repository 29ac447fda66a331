package io.miniman.api;

import java.net.URI;

import org.springframework.http.ResponseEntity;

import io.miniman.operation.OperationHandle;

/** The answer to long work: 202, the operation's id, and where to follow it. */
public record OperationAccepted(long operationId, String location, String events) {

    public static ResponseEntity<OperationAccepted> of(OperationHandle handle) {
        String location = ApiPaths.OPERATIONS + "/" + handle.id();
        return ResponseEntity.accepted().location(URI.create(location))
                .body(new OperationAccepted(handle.id(), location, ApiPaths.OPERATIONS + "/events?id=" + handle.id()));
    }
}
