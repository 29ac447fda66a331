package io.miniman.operation.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationPages;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationUpdate;

/**
 * The filtered log written as it is read, page by page, straight into the response: 100,000 rows never sit
 * in memory. Rows pass the reader's redaction (private details blanked) on top of the redaction every text
 * got when it was stored, so an export shows no more than the Operations view does.
 */
@Service
public class OperationExport {

    static final List<String> COLUMNS = List.of("id", "type", "name", "target", "status", "user", "start", "end",
            "duration_ms", "result", "error", "details");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final OperationPages pages;
    private final ObjectMapper json;
    private final Clock clock;

    OperationExport(OperationPages pages, ObjectMapper json, Clock clock) {
        this.pages = pages;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.clock = clock;
    }

    public String fileName(ExportFormat format) {
        return "operations-" + FILE_TIME.format(clock.instant()) + "." + format.extension();
    }

    /** Writes every row of the filter to {@code out} (left open: the caller owns it) and returns how many. */
    public long write(OperationFilter filter, ExportFormat format, Optional<OperationReader> reader, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        long[] count = {0};
        Consumer<OperationUpdate> row = switch (format) {
            case CSV -> csvRows(writer);
            case JSON_LINES -> jsonRows(writer);
        };
        pages.forEach(filter, reader, op -> {
            row.accept(op);
            count[0]++;
        });
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    private static Consumer<OperationUpdate> csvRows(Writer writer) {
        Csv csv = new Csv(writer);
        csv.record(COLUMNS);
        return op -> csv.record(Arrays.asList(values(op).values().toArray()));
    }

    private Consumer<OperationUpdate> jsonRows(Writer writer) {
        return op -> {
            try {
                json.writeValue(writer, values(op));
                writer.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** One row by column name, times in ISO-8601 UTC; absent values stay null (empty in CSV). */
    static Map<String, Object> values(OperationUpdate op) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", op.id());
        row.put("type", op.type().name());
        row.put("name", op.name());
        row.put("target", op.target());
        row.put("status", op.status().name());
        row.put("user", op.user());
        row.put("start", iso(op.startTime()));
        row.put("end", iso(op.endTime()));
        row.put("duration_ms", op.duration().map(d -> d.toMillis()).orElse(null));
        row.put("result", op.result());
        row.put("error", op.errorMessage());
        row.put("details", op.details());
        return row;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
