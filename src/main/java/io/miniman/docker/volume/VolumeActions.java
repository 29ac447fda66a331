package io.miniman.docker.volume;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.docker.security.DockerSecurityPolicy;
import io.miniman.docker.validation.SpecValidator;
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
    private final SpecValidator validator;
    private final DockerSecurityPolicy policy;

    public VolumeActions(VolumeService volumes, OperationService operations, SpecValidator validator,
                         DockerSecurityPolicy policy) {
        this.volumes = volumes;
        this.operations = operations;
        this.validator = validator;
        this.policy = policy;
    }

    /** Checked for its form and for what the current user's role may ask (driver options are an admin's). */
    public OperationHandle create(VolumeSpec spec) {
        validator.check(spec);
        policy.check(spec);
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
