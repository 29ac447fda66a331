package io.miniman.operation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.miniman.operation.LogRows;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.testsupport.MinimanSpringTest;

/**
 * 100,000 generated rows (dated 2005) exported and parsed back. The CSV goes through a pipe into the
 * parser as it is written, so neither side holds the whole file. Heap and time are measured by
 * {@code LogBenchmark}, not here.
 */
@MinimanSpringTest
class OperationExportTest {

    static final int ROWS = 100_000;
    static final Instant START = Instant.parse("2005-01-01T00:00:00Z");
    static final String TRICKY = "a, b; \"quoted\"\r\nsecond line\nthird";

    @Autowired
    OperationExport export;
    @Autowired
    ObjectMapper json;

    private static LogRows rows;

    @BeforeAll
    static void generate(@Autowired JdbcTemplate jdbc, @Autowired PlatformTransactionManager transactions) {
        rows = new LogRows(jdbc, transactions);
        generate(rows, START, ROWS);
    }

    /** Rows a second apart; every 7th fails with a tricky error; row 0 is a build with private output by "builder". */
    static void generate(LogRows rows, Instant start, int count) {
        OperationType[] types = OperationType.values();
        for (int i = 0; i < count; i++) {
            Instant at = start.plusSeconds(i);
            if (i == 0) {
                rows.add(OperationType.DOCKER, "Build image", "image web:1", OperationStatus.COMPLETED, "builder", at,
                        Duration.ofSeconds(30), "built", null, "Step 1/3 : RUN echo private-build-output");
            } else if (i % 7 == 0) {
                rows.failed(types[i % types.length], "Operation " + (i % 50), "target " + (i % 13), at, TRICKY + " #" + i);
            } else {
                rows.completed(types[i % types.length], "Operation " + (i % 50), "target, \"" + (i % 13) + "\"", at,
                        Duration.ofMillis(i % 5000));
            }
            if (i % 10_000 == 9_999) {
                rows.save();
            }
        }
        rows.save();
    }

    @AfterAll
    static void remove() {
        rows.deleteBetween(START, START.plusSeconds(ROWS));
    }

    private static OperationFilter era() {
        return OperationFilter.all().between(START, START.plusSeconds(ROWS));
    }

    @Test
    void csvOfAHundredThousandRowsParsesBackWithCommasQuotesAndNewlines() throws Exception {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> {
            try (out) {
                return export.write(era(), ExportFormat.CSV, Optional.empty(), out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        assertThat(csv.record()).isEqualTo(OperationExport.COLUMNS);
        int records = 0;
        List<String> record;
        List<String> failedSeven = null;
        List<String> newest = null;
        while ((record = csv.record()) != null) {
            assertThat(record).hasSize(OperationExport.COLUMNS.size());
            if (records == 0) {
                newest = record;
            }
            if (record.get(10).endsWith(" #7")) {
                failedSeven = record;
            }
            records++;
        }

        assertThat(written.get()).isEqualTo(ROWS);
        assertThat(records).isEqualTo(ROWS);
        // newest first, like the view
        assertThat(newest.get(6)).isEqualTo(START.plusSeconds(ROWS - 1).toString());
        assertThat(newest.get(3)).isEqualTo("target, \"" + ((ROWS - 1) % 13) + "\"");
        assertThat(failedSeven.get(10)).isEqualTo(TRICKY + " #7");
        assertThat(failedSeven.get(4)).isEqualTo("FAILED");
    }

    @Test
    void jsonLinesHaveOneObjectPerRowAndAViewerDoesNotGetPrivateDetails() throws Exception {
        OperationFilter builds = new OperationFilter(OperationType.DOCKER, null, null, START, START.plusSeconds(1), null, "web:1");
        ByteArrayOutputStream viewer = new ByteArrayOutputStream();
        ByteArrayOutputStream admin = new ByteArrayOutputStream();

        assertThat(export.write(builds, ExportFormat.JSON_LINES, Optional.of(new OperationReader("someone", false)), viewer))
                .isEqualTo(1);
        export.write(builds, ExportFormat.JSON_LINES, Optional.of(new OperationReader("root-ish", true)), admin);

        Map<?, ?> seen = json.readValue(viewer.toString(StandardCharsets.UTF_8).strip(), Map.class);
        assertThat(seen.get("name")).isEqualTo("Build image");
        assertThat(seen.get("details")).isNull();
        assertThat(viewer.toString(StandardCharsets.UTF_8)).doesNotContain("private-build-output");
        assertThat(admin.toString(StandardCharsets.UTF_8)).contains("private-build-output");

        ByteArrayOutputStream failures = new ByteArrayOutputStream();
        long n = export.write(new OperationFilter(null, OperationStatus.FAILED, null, START, START.plusSeconds(700), null),
                ExportFormat.JSON_LINES, Optional.empty(), failures);
        String[] lines = failures.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(n).isEqualTo(99);
        assertThat(lines).hasSize(99);
        assertThat(json.readValue(lines[lines.length - 1], Map.class).get("error")).isEqualTo(TRICKY + " #7");
    }

    @Test
    void aViewerCannotFindPrivateDetailsBySearchingForThem() {
        ByteArrayOutputStream viewer = new ByteArrayOutputStream();
        OperationFilter search = new OperationFilter(null, null, null, START, START.plusSeconds(ROWS), "private-build-output");
        assertThat(export.write(search, ExportFormat.CSV, Optional.of(new OperationReader("someone", false)), viewer)).isZero();
        assertThat(export.write(search, ExportFormat.CSV, Optional.empty(), new ByteArrayOutputStream())).isEqualTo(1);
    }
}
