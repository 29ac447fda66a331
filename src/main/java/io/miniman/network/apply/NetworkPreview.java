package io.miniman.network.apply;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.miniman.network.apply.RenderedFileChecker.Check;
import io.miniman.network.render.NetworkFiles;
import io.miniman.network.render.RenderedFile;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.store.NetworkSettingsStore;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What applying settings would change, file by file, before anything is written. */
@Service
public class NetworkPreview {

    private final NetworkSettingsStore store;
    private final HostFileAccess files;
    private final RenderedFileChecker checker;
    private final Validator validator;

    NetworkPreview(NetworkSettingsStore store, HostFileAccess files, RenderedFileChecker checker, Validator validator) {
        this.store = store;
        this.files = files;
        this.checker = checker;
        this.validator = validator;
    }

    /** Throws {@link ConstraintViolationException} for invalid settings. */
    @PreAuthorize("hasRole('ADMIN')")
    public ApplyPreview preview(NetworkSettings proposed, ClientContext client) {
        requireValid(validator, proposed);
        List<RenderedFile> rendered = NetworkFiles.render(proposed);
        List<FileChange> changes = rendered.stream().map(this::changeOf).toList();
        List<Check> checks = checker.check(rendered);
        return new ApplyPreview(proposed, changes, checks, ConnectionWarnings.of(store.current(), proposed, client));
    }

    static void requireValid(Validator validator, NetworkSettings proposed) {
        Set<ConstraintViolation<NetworkSettings>> violations = validator.validate(proposed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private FileChange changeOf(RenderedFile file) {
        Optional<String> before = files.read(file.file()).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        Optional<String> written = store.lastWritten(file.file().devicePath());
        boolean handEdited = before.isPresent() && written.isPresent() && !written.equals(before);
        return new FileChange(file.file(), before, file.content(), TextDiff.diff(before.orElse(""), file.content()),
                handEdited);
    }
}
