package io.miniman.system.backup;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The archive's first entry, {@value #NAME}: which console on which box made it, the version of each
 * part's layout, and the SHA-256 of every other entry, so one changed byte is found before anything is
 * restored. Fields a newer console adds within the same format are ignored.
 */
public record BackupManifest(int format, String consoleVersion, String hostName, Instant createdAt,
        Map<String, Integer> parts, Map<String, String> entries) {

    public static final String NAME = "manifest.json";
    /** Raise when the archive's own layout changes (not a part's: parts carry their own versions). */
    public static final int FORMAT = 1;

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    public BackupManifest {
        parts = parts == null ? Map.of() : new TreeMap<>(parts);
        entries = entries == null ? Map.of() : new TreeMap<>(entries);
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("the manifest cannot be written", e);
        }
    }

    static BackupManifest parse(byte[] bytes) {
        try {
            BackupManifest manifest = JSON.readValue(bytes, BackupManifest.class);
            if (manifest.format() == 0 || manifest.createdAt() == null) {
                throw new BackupRefusedException("The manifest is not a Mini Manager manifest (no format or time).");
            }
            return manifest;
        } catch (IOException e) {
            throw new BackupRefusedException("The manifest is not readable: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
