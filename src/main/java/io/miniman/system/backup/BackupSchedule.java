package io.miniman.system.backup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The daily backup to {@code miniman.backup.dir}: on or off, how many scheduled archives stay (older ones
 * are deleted), and whether they hold the user accounts (their password hashes).
 */
public record BackupSchedule(boolean enabled, @Min(value = 1, message = "Keep at least 1")
        @Max(value = 90, message = "Keep at most 90") int keep, boolean includeUsers) {

    public static final BackupSchedule DEFAULTS = new BackupSchedule(true, 7, true);
}
