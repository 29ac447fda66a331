package io.miniman.docker.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.miniman.backup.BackupPart;
import io.miniman.backup.JsonEntry;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreContext;
import io.miniman.docker.validation.SpecValidator;
import org.springframework.stereotype.Component;

/** The Docker security settings (host folders non-admins may bind-mount) in a backup; restored through {@link DockerSecurityActions}. */
@Component
class DockerSecurityBackupPart implements BackupPart {

    static final String ENTRY = "settings.json";

    private final DockerSecurityPolicy policy;
    private final DockerSecurityActions actions;
    private final SpecValidator validator;
    private final ObjectMapper json;

    DockerSecurityBackupPart(DockerSecurityPolicy policy, DockerSecurityActions actions, SpecValidator validator,
            ObjectMapper json) {
        this.policy = policy;
        this.actions = actions;
        this.validator = validator;
        this.json = json;
    }

    @Override
    public String name() {
        return "docker-security";
    }

    @Override
    public String title() {
        return "Docker security settings";
    }

    @Override
    public int restoreOrder() {
        return 400;
    }

    @Override
    public Map<String, byte[]> export() {
        return Map.of(ENTRY, JsonEntry.write(json, policy.settings(), "Docker security settings"));
    }

    @Override
    public PartPreview preview(Map<String, byte[]> entries) {
        DockerSecuritySettings restored = parse(entries);
        DockerSecuritySettings current = policy.settings();
        List<String> changes = new ArrayList<>();
        restored.bindFolders().stream().filter(f -> !current.bindFolders().contains(f))
                .forEach(f -> changes.add("Non-admins may bind-mount " + f + "."));
        current.bindFolders().stream().filter(f -> !restored.bindFolders().contains(f))
                .forEach(f -> changes.add("Non-admins may no longer bind-mount " + f + "."));
        return new PartPreview(String.join("\n", current.bindFolders()), String.join("\n", restored.bindFolders()),
                changes, List.of());
    }

    @Override
    public String restore(Map<String, byte[]> entries, RestoreContext context) {
        DockerSecuritySettings restored = parse(entries);
        if (restored.equals(policy.settings())) {
            return "Docker security settings already as in the backup";
        }
        return "Docker security: " + actions.save(restored);
    }

    private DockerSecuritySettings parse(Map<String, byte[]> entries) {
        DockerSecuritySettings settings = JsonEntry.read(json, entries, ENTRY, new TypeReference<>() { },
                "the Docker security settings");
        try {
            validator.check(settings);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the Docker security settings are not valid: " + e.getMessage(), e);
        }
        return settings;
    }
}
