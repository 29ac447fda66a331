package io.miniman.operation.export;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.miniman.MinimanApplication;
import io.miniman.operation.LogRows;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.dashboard.LogDashboard;
import io.miniman.operation.dashboard.Period;

/**
 * Not a test: prints figures. Starts the console on a fresh database, writes N generated rows (default
 * 100,000) spread over the last 30 days, then (1) exports them all as CSV and as JSON Lines into a
 * counting sink, printing time, bytes and the heap's peak during each export (per-pool peaks, reset
 * before); (2) times the Logs dashboard's queries for each period (median of 5 after a warm-up).
 *
 *   ./mvnw -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 *   java -Xmx128m -cp target/test-classes:target/classes:$(cat target/cp.txt) io.miniman.operation.export.LogBenchmark 100000
 *
 * With -Xmx128m the whole log could not sit in memory beside the console; the export finishing is the
 * proof, the peak is the figure.
 */
public final class LogBenchmark {

    private LogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = Files.createTempDirectory("miniman-log-bench");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MinimanApplication.class)
                .properties("miniman.data-dir=" + data, "miniman.port=0", "vaadin.productionMode=true",
                        "miniman.admin-password=bench-Password-1", "logging.level.root=warn")
                .run()) {
            Instant now = context.getBean(Clock.class).instant();
            Instant start = now.minus(Duration.ofDays(30));
            long began = System.nanoTime();
            LogRows generated = new LogRows(context.getBean(JdbcTemplate.class), context.getBean(PlatformTransactionManager.class));
            OperationExportTest.generate(generated, start, rows);
            // spread over the 30 days: the generator puts rows a second apart, so stretch them
            context.getBean(JdbcTemplate.class).update("UPDATE operation_log SET start_time = ? + (start_time - ?) * ?, "
                    + "end_time = CASE WHEN end_time IS NULL THEN NULL ELSE ? + (start_time - ?) * ? + (end_time - start_time) END",
                    start.toEpochMilli(), start.toEpochMilli(), Duration.ofDays(30).toSeconds() / rows,
                    start.toEpochMilli(), start.toEpochMilli(), Duration.ofDays(30).toSeconds() / rows);
            System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s%n", rows, (System.nanoTime() - began) / 1e9);

            OperationExport export = context.getBean(OperationExport.class);
            for (ExportFormat format : ExportFormat.values()) {
                exportOnce(export, format, rows);
            }
            LogDashboard dashboard = context.getBean(LogDashboard.class);
            for (Period period : Period.values()) {
                dashboard.figures(period);
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long t = System.nanoTime();
                    LogDashboard.Figures figures = dashboard.figures(period);
                    times.add(System.nanoTime() - t);
                    if (i == 0) {
                        System.out.printf(Locale.ROOT, "dashboard %-7s covers %,d rows%n", period.label(), figures.totals().total());
                    }
                }
                Collections.sort(times);
                System.out.printf(Locale.ROOT, "dashboard %-7s all queries: median %.0f ms (min %.0f, max %.0f)%n", period.label(),
                        times.get(2) / 1e6, times.get(0) / 1e6, times.get(4) / 1e6);
            }
        }
    }

    private static void exportOnce(OperationExport export, ExportFormat format, int rows) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] bytes = {0};
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long t = System.nanoTime();
        long written = export.write(OperationFilter.all(), format, Optional.empty(), sink);
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "export %-10s %,d rows, %,.1f MB in %.2f s; heap before %.1f MB, peak during %.1f MB "
                + "(max heap %.0f MB)%n", format.label(), written, bytes[0] / 1e6, seconds, before / 1e6, peak / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        if (written < rows) {
            throw new IllegalStateException("exported " + written + " of " + rows);
        }
    }
}
