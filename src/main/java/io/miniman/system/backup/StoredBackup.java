package io.miniman.system.backup;

import java.time.Instant;

/** An archive kept on the box: {@code kind} says who made it (scheduled, manual, pre-restore). */
public record StoredBackup(String name, long size, Instant createdAt, String kind) {
}
