package io.miniman.operation.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The operation log as the Operations view shows it, one operation, and its live transitions. */
@RestController
@RequestMapping(ApiPaths.OPERATIONS)
class OperationsApi {

    private final OperationService operations;
    private final OperationEventStreams streams;

    OperationsApi(OperationService operations, OperationEventStreams streams) {
        this.operations = operations;
        this.streams = streams;
    }

    record Page(List<OperationUpdate> items, long total, int offset, int limit) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The operation log, newest first, with the Operations view's filters",
            description = "from/to: ISO-8601 instants; text: matched against name, target, result and error")
    Page list(@RequestParam(required = false) OperationType type, @RequestParam(required = false) OperationStatus status,
            @RequestParam(required = false) String user, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") @Min(0) int offset,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        OperationFilter filter = new OperationFilter(type, status, user, from, to, text);
        return new Page(operations.list(filter, offset, limit), operations.count(filter), offset, limit);
    }

    @GetMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "One operation as it stands (pending, running, completed or failed)")
    OperationUpdate get(@PathVariable long id) {
        return operations.find(id).orElseThrow(() -> ApiException.notFound("operation " + id));
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "Server-Sent Events: each operation transition (event 'operation', data: the operation)",
            description = "id: only this operation (the stream ends when it has finished); type: only this kind. "
                    + "A client that falls too far behind is disconnected and re-reads with GET.")
    SseEmitter events(@RequestParam(required = false) Long id, @RequestParam(required = false) OperationType type) {
        OperationReader reader = OperationReader.current().orElseThrow();
        if (id != null && operations.find(id).isEmpty()) {
            throw ApiException.notFound("operation " + id);
        }
        // an operation that already finished gets its last state and the end of the stream at once
        return streams.open(id, type, reader, () -> id == null ? null : operations.find(id)
                .filter(op -> op.status() == OperationStatus.COMPLETED || op.status() == OperationStatus.FAILED)
                .orElse(null));
    }
}
