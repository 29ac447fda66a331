package io.miniman.system.backup;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where backups are kept and how large an archive to restore may be. {@code dir} defaults to
 * {@code <data-dir>/backups} in application.properties.
 *
 * @param dir           scheduled and automatic backups ({@code *.tar.gz}) and uploads being checked ({@code incoming/})
 * @param archiveLimit  largest archive accepted for restore, in bytes (as uploaded)
 * @param unpackedLimit largest total of its unpacked entries, in bytes; reading stops as soon as it is passed
 */
@ConfigurationProperties("miniman.backup")
public record BackupProperties(
        @DefaultValue("./data/backups") Path dir,
        @DefaultValue("16777216") long archiveLimit,
        @DefaultValue("67108864") long unpackedLimit) {
}
