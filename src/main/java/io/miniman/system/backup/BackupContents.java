package io.miniman.system.backup;

import java.util.List;
import java.util.Map;

/**
 * A checked archive: its manifest, the entries of each part this console knows (in restore order,
 * migrated to today's layout) and the names of parts it does not know, which are shown and skipped.
 */
public record BackupContents(BackupManifest manifest, Map<String, Map<String, byte[]>> parts, List<String> unknownParts) {
}
