package io.miniman.docker.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.ContainerDetails;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ContainerSummary;
import io.miniman.docker.container.ExecHandle;
import io.miniman.docker.container.LogLine;
import io.miniman.docker.container.LogQuery;
import io.miniman.docker.container.RunSpec;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

/** Containers: the reads of the containers views and every action of their menus, through {@link ContainerActions}. */
@RestController
@RequestMapping(ApiPaths.V1 + "/containers")
class ContainersApi {

    /** The longest a synchronous exec may take before the call gives up waiting (the command goes on). */
    static final int EXEC_MAX_SECONDS = 300;

    private final ContainerService containers;
    private final ContainerActions actions;
    private final OperationService operations;

    ContainersApi(ContainerService containers, ContainerActions actions, OperationService operations) {
        this.containers = containers;
        this.actions = actions;
        this.operations = operations;
    }

    record Rename(@NotEmpty String name) {
    }

    record Exec(@NotEmpty List<String> command, @Min(1) @Max(EXEC_MAX_SECONDS) Integer timeoutSeconds) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "List containers", description = "state: running, exited, paused, created... (repeatable); text: part of a name, image or id")
    List<ContainerSummary> list(@RequestParam(required = false) Set<String> state, @RequestParam(required = false) String text) {
        return containers.list(new ContainerFilter(state, text));
    }

    @GetMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "One container's details (secret-looking environment values masked)")
    ContainerDetails get(@PathVariable String id) {
        return details(id);
    }

    @GetMapping(path = "/{id}/inspect", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The engine's inspect document of a container")
    String inspect(@PathVariable String id) {
        return containers.inspectJson(details(id).id());
    }

    @GetMapping("/{id}/logs")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "A container's log lines", description = "tail: the last lines (default 500); since: an ISO-8601 instant")
    List<LogLine> logs(@PathVariable String id, @RequestParam(defaultValue = "500") @Min(0) @Max(100_000) int tail,
            @RequestParam(required = false) Instant since) {
        return containers.logs(details(id).id(), new LogQuery(tail, since, true));
    }

    @PostMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Run a new container", description = "The same spec and Docker security settings as the Run dialog; pull: pull the image first when it is missing")
    ResponseEntity<OperationAccepted> run(@RequestBody RunSpec spec, @RequestParam(defaultValue = "true") boolean pull) {
        return OperationAccepted.of(actions.run(spec, pull));
    }

    @PostMapping("/{id}/start")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Start a container")
    ResponseEntity<OperationAccepted> start(@PathVariable String id) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.start(c.id(), c.name()));
    }

    @PostMapping("/{id}/stop")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Stop a container", description = "timeout: seconds before it is killed (default 10)")
    ResponseEntity<OperationAccepted> stop(@PathVariable String id, @RequestParam(required = false) @Min(0) @Max(600) Integer timeout) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.stop(c.id(), c.name(), stopTimeout(timeout)));
    }

    @PostMapping("/{id}/restart")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Restart a container", description = "timeout: seconds before it is killed (default 10)")
    ResponseEntity<OperationAccepted> restart(@PathVariable String id, @RequestParam(required = false) @Min(0) @Max(600) Integer timeout) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.restart(c.id(), c.name(), stopTimeout(timeout)));
    }

    @PostMapping("/{id}/kill")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Kill a container")
    ResponseEntity<OperationAccepted> kill(@PathVariable String id) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.kill(c.id(), c.name()));
    }

    @PostMapping("/{id}/pause")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Pause a container")
    ResponseEntity<OperationAccepted> pause(@PathVariable String id) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.pause(c.id(), c.name()));
    }

    @PostMapping("/{id}/unpause")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Unpause a container")
    ResponseEntity<OperationAccepted> unpause(@PathVariable String id) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.unpause(c.id(), c.name()));
    }

    @PostMapping("/{id}/rename")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Rename a container")
    ResponseEntity<OperationAccepted> rename(@PathVariable String id, @RequestBody @Valid Rename body) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.rename(c.id(), c.name(), body.name()));
    }

    @DeleteMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove a container", description = "force: also a running one; volumes: with its anonymous volumes")
    ResponseEntity<OperationAccepted> remove(@PathVariable String id, @RequestParam(defaultValue = "false") boolean force,
            @RequestParam(defaultValue = "false") boolean volumes) {
        ContainerDetails c = idle(id);
        return OperationAccepted.of(actions.remove(c.id(), c.name(), force, volumes));
    }

    @PostMapping("/{id}/exec")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Run a command in a container and return its output",
            description = "Waits for the command (timeoutSeconds, default 30); the operation log records the command and exit code")
    ExecOutcome exec(@PathVariable String id, @RequestBody @Valid Exec body) throws InterruptedException {
        ContainerDetails c = idle(id);
        int seconds = body.timeoutSeconds() == null ? 30 : body.timeoutSeconds();
        ExecHandle handle = actions.execOnce(c.id(), c.name(), body.command(), Duration.ofSeconds(seconds));
        try {
            ExecHandle.Outcome outcome = handle.completion().get(seconds + 5L, TimeUnit.SECONDS);
            return new ExecOutcome(handle.id(), outcome.update().status().name(), outcome.update().errorMessage(),
                    outcome.result() == null ? null : outcome.result().exitCode(),
                    outcome.result() == null ? null : outcome.result().output());
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "The command did not finish in time; see operation " + handle.id());
        }
    }

    record ExecOutcome(long operationId, String status, String error, Integer exitCode, String output) {
    }

    private ContainerDetails details(String id) {
        return containers.details(PathIds.check(id, "container"));
    }

    /** The container, unless an operation on it is pending or running: a script gets 409 rather than a queue. */
    private ContainerDetails idle(String id) {
        ContainerDetails c = details(id);
        if (operations.busy(OperationTarget.of(OperationTarget.Kind.CONTAINER, c.id()))) {
            throw ApiException.busy("Container " + c.name());
        }
        return c;
    }

    private static Duration stopTimeout(Integer seconds) {
        return seconds == null ? ContainerActions.STOP_TIMEOUT : Duration.ofSeconds(seconds);
    }
}
