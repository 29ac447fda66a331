package io.miniman.backup;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Most parts keep one JSON document: how it is written, and read back with a reason a preview can show. */
public final class JsonEntry {

    private JsonEntry() {
    }

    public static byte[] write(ObjectMapper json, Object value, String what) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(what + " cannot be written as JSON", e);
        }
    }

    public static <T> T read(ObjectMapper json, Map<String, byte[]> entries, String entry, TypeReference<T> type, String what) {
        byte[] bytes = entries.get(entry);
        if (bytes == null) {
            throw new IllegalArgumentException(what + ": the backup has no " + entry);
        }
        try {
            return json.readValue(bytes, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " are not readable: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }
}
