package io.miniman.system.backup;

import java.util.List;

import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreChoice;

/** A checked archive and what restoring it would change, part by part, in restore order. */
public record RestorePlan(StagedUpload upload, BackupManifest manifest, List<PartPlan> parts, List<String> unknownParts) {

    public record PartPlan(String name, String title, PartPreview preview) {
    }

    public List<RestoreChoice> choices() {
        return parts.stream().flatMap(p -> p.preview().choices().stream()).toList();
    }
}
