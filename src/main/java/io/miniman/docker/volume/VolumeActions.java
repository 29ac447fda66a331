package io.miniman.docker.volume;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationTarget;
import io.miniman.operation.OperationType;

/** Every change to volumes as an operation. */
@Service
@PreAuthorize("hasAnyRole('ADMIN','OPERATOR')")
public class VolumeActions {

    private final VolumeService volumes;
    private final OperationService operations;

    public VolumeActions(VolumeService volumes, OperationService operations) {
        this.volumes = volumes;
        this.operations = operations;
    }

    public OperationHandle create(VolumeSpec spec) {
        return operations.submit(OperationType.DOCKER, "Create volume",
                // an unnamed volume gets a fresh name from the engine: nothing to collide with
                spec.name().isEmpty() ? null : volume(spec.name()),
                ctx -> "created " + volumes.create(spec));
    }

    public OperationHandle remove(String name) {
        return operations.submit(OperationType.DOCKER, "Remove volume", volume(name), ctx -> {
            volumes.remove(name);
            return "removed " + name;
        });
    }

    public OperationHandle prune() {
        return operations.submit(OperationType.DOCKER, "Prune unused volumes",
                OperationTarget.of(OperationTarget.Kind.VOLUME, "*", "unused volumes"),
                ctx -> volumes.prune(null).toString());
    }

    private static OperationTarget volume(String name) {
        return OperationTarget.of(OperationTarget.Kind.VOLUME, name);
    }
}
