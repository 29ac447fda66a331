package io.miniman.docker.network;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.docker.validation.SpecValidator;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/** Every change to networks as an operation, one at a time per network. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class NetworkActions {

    private final NetworkService networks;
    private final OperationService operations;
    private final SpecValidator validator;

    public NetworkActions(NetworkService networks, OperationService operations, SpecValidator validator) {
        this.networks = networks;
        this.operations = operations;
        this.validator = validator;
    }

    /** A new network has no id yet: its name is what a second create would collide on. */
    public OperationHandle create(NetworkSpec spec) {
        validator.check(spec);
        return operations.submit(OperationType.DOCKER, "Create network", network(spec.name(), spec.name()),
                ctx -> "created " + spec.name() + " (" + networks.create(spec).substring(0, 12) + ")");
    }

    public OperationHandle remove(String id, String name) {
        return operations.submit(OperationType.DOCKER, "Remove network", network(id, name), ctx -> {
            networks.remove(id);
            return "removed " + name;
        });
    }

    public OperationHandle connect(String id, String name, String container, String alias, String ipv4Address) {
        return operations.submit(OperationType.DOCKER, "Connect container", network(id, name), ctx -> {
            networks.connect(id, container, alias, ipv4Address);
            return "connected " + container + " to " + name;
        });
    }

    public OperationHandle disconnect(String id, String name, String container, boolean force) {
        return operations.submit(OperationType.DOCKER, "Disconnect container", network(id, name), ctx -> {
            networks.disconnect(id, container, force);
            return "disconnected " + container + " from " + name;
        });
    }

    private static OperationTarget network(String id, String name) {
        return OperationTarget.of(OperationTarget.Kind.DOCKER_NETWORK, id, name);
    }
}
