package io.miniman.docker.volume;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of the volumes grid; {@code sizeBytes} is -1 when the engine does not know it. */
public record VolumeSummary(String name, String driver, String mountpoint, long sizeBytes, List<String> usedBy,
                            Map<String, String> labels, Instant created) {
}
