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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.miniman.api.ApiException;
import io.miniman.api.ApiPaths;
import io.miniman.api.ApiRoles;
import io.miniman.api.OperationAccepted;
import io.miniman.api.PathIds;
import io.miniman.docker.network.NetworkActions;
import io.miniman.docker.network.NetworkService;
import io.miniman.docker.network.NetworkSpec;
import io.miniman.docker.network.NetworkSummary;
import io.miniman.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** Docker's networks (not the access point's: that is /api/v1/network), through {@link NetworkActions}. */
@RestController
@RequestMapping(ApiPaths.V1 + "/docker-networks")
class DockerNetworksApi {

    private final NetworkService networks;
    private final NetworkActions actions;

    DockerNetworksApi(NetworkService networks, NetworkActions actions) {
        this.networks = networks;
        this.actions = actions;
    }

    record Connect(@NotBlank String container, String alias, String ipv4Address) {
    }

    @GetMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "List Docker networks")
    List<NetworkSummary> list() {
        return networks.list();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
    @Operation(summary = "The engine's inspect document of a network")
    String inspect(@PathVariable String id) {
        return networks.inspectJson(PathIds.check(id, "network"));
    }

    @PostMapping
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Create a network")
    ResponseEntity<OperationAccepted> create(@RequestBody NetworkSpec spec) {
        return OperationAccepted.of(actions.create(spec));
    }

    @DeleteMapping("/{id}")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Remove a network")
    ResponseEntity<OperationAccepted> remove(@PathVariable String id) {
        NetworkSummary network = find(id);
        return OperationAccepted.of(actions.remove(network.id(), network.name()));
    }

    @PostMapping("/{id}/connect")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Connect a container to a network")
    ResponseEntity<OperationAccepted> connect(@PathVariable String id, @RequestBody @Valid Connect body) {
        NetworkSummary network = find(id);
        return OperationAccepted.of(actions.connect(network.id(), network.name(), PathIds.check(body.container(), "container"),
                body.alias(), body.ipv4Address()));
    }

    @PostMapping("/{id}/disconnect")
    @ApiRoles({Roles.ADMIN, Roles.OPERATOR})
    @Operation(summary = "Disconnect a container from a network")
    ResponseEntity<OperationAccepted> disconnect(@PathVariable String id, @RequestParam String container,
            @RequestParam(defaultValue = "false") boolean force) {
        NetworkSummary network = find(id);
        return OperationAccepted.of(actions.disconnect(network.id(), network.name(), PathIds.check(container, "container"), force));
    }

    /** By full id, id prefix or name, as the engine resolves them: the operation's target is always the full id. */
    private NetworkSummary find(String id) {
        PathIds.check(id, "network");
        return networks.list().stream().filter(n -> n.id().equals(id) || n.name().equals(id)).findFirst()
                .or(() -> networks.list().stream().filter(n -> n.id().startsWith(id)).findFirst())
                .orElseThrow(() -> ApiException.notFound("network " + id));
    }
}
