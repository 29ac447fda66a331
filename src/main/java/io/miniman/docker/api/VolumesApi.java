package io.miniman.docker.api;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.docker.volume.VolumeActions;
import io.miniman.docker.volume.VolumeService;
import io.miniman.docker.volume.VolumeSpec;
import io.miniman.docker.volume.VolumeSummary;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;

/** Volumes, through {@link VolumeActions} (driver options are an admin's, as in the view). */
@RestController
@RequestMapping(ApiPaths.V1 + "/volumes")
class VolumesApi {

    private final VolumeService volumes;
    private final VolumeActions actions;
    private final OperationService operations;

    VolumesApi(VolumeService volumes, VolumeActions actions, OperationService operations) {
        this.volumes = volumes;
        this.actions = actions;
        this.operations = operations;
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "List volumes with their size and the containers using them")
    List<VolumeSummary> list() {
        return volumes.list();
    }

    @GetMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The engine's inspect document of a volume")
    String inspect(@PathVariable String name) {
        return volumes.inspectJson(PathIds.check(name, "volume"));
    }

    @PostMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Create a volume", description = "An empty name lets the engine choose one; driver options need ADMIN")
    ResponseEntity<OperationAccepted> create(@RequestBody VolumeSpec spec) {
        return OperationAccepted.of(actions.create(spec));
    }

    @DeleteMapping("/{name}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove a volume")
    ResponseEntity<OperationAccepted> remove(@PathVariable String name) {
        PathIds.check(name, "volume");
        volumes.inspectJson(name);
        if (operations.busy(OperationTarget.of(OperationTarget.Kind.VOLUME, name))) {
            throw ApiException.busy("Volume " + name);
        }
        return OperationAccepted.of(actions.remove(name));
    }

    @PostMapping("/prune")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove every volume no container uses")
    ResponseEntity<OperationAccepted> prune() {
        return OperationAccepted.of(actions.prune());
    }
}
