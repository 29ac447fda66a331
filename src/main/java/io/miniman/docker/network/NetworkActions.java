package io.miniman.docker.network;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

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

    public NetworkActions(NetworkService networks, OperationService operations) {
        this.networks = networks;
        this.operations = operations;
    }

    public OperationHandle create(NetworkSpec spec) {
        if (!spec.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", spec.problems()));
        }
        return operations.submit(OperationType.DOCKER, "Create network", network(spec.name(), spec.name()),
                ctx -> "created " + spec.name() + " (" + networks.create(spec).substring(0, 12) + ")");
    }

    public OperationHandle remove(String id, String name) {
        return operations.submit(OperationType.DOCKER, "Remove network", network(id, name), ctx -> {
            networks.remove(id);
            return "removed " + name;
        });
    }

    public OperationHandle connect(String network, String container, String alias, String ipv4Address) {
        return operations.submit(OperationType.DOCKER, "Connect container", network(network, network), ctx -> {
            networks.connect(network, container, alias, ipv4Address);
            return "connected " + container + " to " + network;
        });
    }

    public OperationHandle disconnect(String network, String container, boolean force) {
        return operations.submit(OperationType.DOCKER, "Disconnect container", network(network, network), ctx -> {
            networks.disconnect(network, container, force);
            return "disconnected " + container + " from " + network;
        });
    }

    /** Keyed by what the caller holds (an id, or a name where that is all it has). */
    private static OperationTarget network(String idOrName, String label) {
        return OperationTarget.of(OperationTarget.Kind.DOCKER_NETWORK, idOrName, label);
    }
}
