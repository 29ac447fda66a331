package io.miniman.system.service;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One line of {@code journalctl -o json}. Its traps: a field that is not printable UTF-8 (a colour
 * escape, a Latin-1 byte) comes as an array of byte values instead of a string; a field sent twice
 * comes as an array of values; a field over 4096 bytes comes as null.
 */
final class JournalJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    // colour and cursor sequences: a browser would show them as garbage
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\t]]");
    static final String TOO_LONG = "[message of more than 4096 bytes, not shown]";

    private JournalJson() {
    }

    /** The entry, or the line as it came when it is not a journal object (the helper's own refusal). */
    static JournalLine parse(String line) {
        JsonNode entry;
        try {
            entry = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            entry = null;
        }
        if (entry == null || !entry.isObject()) {
            return new JournalLine(null, 6, "", 0, clean(line));
        }
        JsonNode message = entry.get("MESSAGE");
        String text = message == null || message.isNull() ? TOO_LONG : text(message);
        String source = text(entry.path("SYSLOG_IDENTIFIER"));
        if (source.isEmpty()) {
            source = text(entry.path("_COMM"));
        }
        return new JournalLine(time(entry.path("__REALTIME_TIMESTAMP")), (int) number(entry.path("PRIORITY"), 6L), source,
                number(entry.path("_PID"), 0L), clean(text));
    }

    private static String text(JsonNode field) {
        if (field.isTextual()) {
            return field.asText();
        }
        if (field.isArray() && !field.isEmpty() && field.get(0).isNumber()) {
            byte[] bytes = new byte[field.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) field.get(i).asInt();
            }
            return utf8(bytes);
        }
        if (field.isArray()) {
            // the same field more than once in one entry: its values, one after the other
            StringBuilder joined = new StringBuilder();
            field.forEach(value -> joined.append(joined.length() == 0 ? "" : " ").append(text(value)));
            return joined.toString();
        }
        return field.isMissingNode() || field.isNull() ? "" : field.asText();
    }

    /** Bytes that are not UTF-8 (Latin-1 from an old program) become U+FFFD instead of failing the line. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static Instant time(JsonNode micros) {
        long value = number(micros, -1L);
        return value < 0 ? null : Instant.EPOCH.plusNanos(value * 1000);
    }

    private static long number(JsonNode field, long otherwise) {
        String text = text(field);
        try {
            return text.isEmpty() ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String clean(String text) {
        return CONTROL.matcher(ANSI.matcher(text).replaceAll("")).replaceAll("");
    }
}
