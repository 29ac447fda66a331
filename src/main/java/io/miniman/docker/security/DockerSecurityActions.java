package io.miniman.docker.security;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.miniman.docker.validation.SpecValidator;
import io.miniman.operation.LoggedOperation;
import io.miniman.operation.OperationType;

/** Changes to the Docker security settings: admins only, validated, logged. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class DockerSecurityActions {

    private final BindFolderRepository folders;
    private final SpecValidator validator;

    public DockerSecurityActions(BindFolderRepository folders, SpecValidator validator) {
        this.folders = folders;
        this.validator = validator;
    }

    @Transactional
    @LoggedOperation(type = OperationType.DOCKER, name = "Save Docker security settings")
    public String save(DockerSecuritySettings settings) {
        validator.check(settings);
        folders.deleteEvery();
        settings.bindFolders().forEach(folder -> folders.save(new BindFolderEntity(folder)));
        return settings.bindFolders().isEmpty() ? "no bind mounts for non-admins"
                : "non-admins may bind-mount under " + String.join(", ", settings.bindFolders());
    }
}
