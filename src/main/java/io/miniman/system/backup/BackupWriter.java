package io.miniman.system.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes a backup as {@code .tar.gz}: the manifest first, then each part's entries under its name. */
final class BackupWriter {

    private BackupWriter() {
    }

    /** {@code parts}: part name → (part version, entries). Returns the manifest written. */
    static BackupManifest write(OutputStream out, String consoleVersion, String hostName, Instant createdAt,
            Map<String, VersionedEntries> parts) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        parts.forEach((name, part) -> {
            versions.put(name, part.version());
            part.entries().forEach((file, bytes) -> files.put(name + "/" + file, bytes));
        });
        Map<String, String> sums = new LinkedHashMap<>();
        files.forEach((name, bytes) -> sums.put(name, Sha256.hex(bytes)));
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, consoleVersion, hostName, createdAt,
                versions, sums);
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            put(tar, BackupManifest.NAME, manifest.toJson(), createdAt);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(tar, file.getKey(), file.getValue(), createdAt);
            }
        }
        return manifest;
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] bytes, Instant time) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0100600);
        entry.setModTime(time.toEpochMilli());
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    /** One part's entries and the version of their layout. */
    record VersionedEntries(int version, Map<String, byte[]> entries) {
    }
}
