package io.miniman.system.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The resource history in SQLite: metric_series names each series once, metric_sample holds one integer
 * per series and time in three tiers (0: every 10 s, 1: minute averages, 2: hour averages). Reads
 * aggregate in SQL, so a 90-day chart moves a few hundred rows into memory, not the table.
 */
@Repository
public class MetricStore {

    static final int RAW = 0;
    static final int MINUTE = 1;
    static final int HOUR = 2;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Map<SeriesKey, Long> ids = new ConcurrentHashMap<>();

    public MetricStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A point of a chart: the bucket's start and the average of what was stored in it. */
    public record Point(Instant at, double value) {
    }

    /** Stores one sample, all series in one transaction (one fsync on the box, not thirty). */
    public void append(MetricsSample sample) {
        long at = sample.at().getEpochSecond();
        transactions.executeWithoutResult(status -> {
            List<Object[]> rows = new ArrayList<>();
            sample.values().forEach((key, value) -> {
                if (Double.isFinite(value)) {
                    rows.add(new Object[] {RAW, seriesId(key), at, key.metric().encode(value)});
                }
            });
            jdbc.batchUpdate("INSERT OR REPLACE INTO metric_sample (tier, series_id, at, value) VALUES (?, ?, ?, ?)", rows);
        });
    }

    private long seriesId(SeriesKey key) {
        Long known = ids.get(key);
        if (known != null) {
            return known;
        }
        jdbc.update("INSERT OR IGNORE INTO metric_series (metric, subject) VALUES (?, ?)", key.metric().key(), key.subject());
        long id = jdbc.queryForObject("SELECT id FROM metric_series WHERE metric = ? AND subject = ?", Long.class,
                key.metric().key(), key.subject());
        ids.put(key, id);
        return id;
    }

    /**
     * Replaces the rows of {@code fromTier} older than {@code before} with one average per series and
     * bucket in {@code toTier}. {@code before} must be a multiple of the bucket, so a bucket is never
     * averaged from half its rows and overwritten later by the other half.
     */
    int downsample(int fromTier, int toTier, long bucketSeconds, Instant before) {
        long cutoff = before.getEpochSecond();
        if (cutoff % bucketSeconds != 0) {
            throw new IllegalArgumentException("cutoff " + before + " is not on a " + bucketSeconds + " s boundary");
        }
        Integer moved = transactions.execute(status -> {
            jdbc.update("INSERT OR REPLACE INTO metric_sample (tier, series_id, at, value) "
                    + "SELECT ?, series_id, (at / ?) * ?, CAST(round(avg(value)) AS INTEGER) FROM metric_sample "
                    + "WHERE tier = ? AND at < ? GROUP BY series_id, at / ?",
                    toTier, bucketSeconds, bucketSeconds, fromTier, cutoff, bucketSeconds);
            return jdbc.update("DELETE FROM metric_sample WHERE tier = ? AND at < ?", fromTier, cutoff);
        });
        return moved == null ? 0 : moved;
    }

    /** Deletes every row older than {@code before}, and the series left without rows (an interface gone for good). */
    int deleteBefore(Instant before) {
        Integer deleted = transactions.execute(status -> {
            int rows = jdbc.update("DELETE FROM metric_sample WHERE at < ?", before.getEpochSecond());
            jdbc.update("DELETE FROM metric_series WHERE NOT EXISTS "
                    + "(SELECT 1 FROM metric_sample s WHERE s.tier IN (0, 1, 2) AND s.series_id = metric_series.id)");
            return rows;
        });
        ids.clear();
        return deleted == null ? 0 : deleted;
    }

    /**
     * The series of one metric between {@code from} (inclusive) and {@code to} (exclusive), averaged per
     * bucket of {@code bucketSeconds}; subjects in name order, points oldest first.
     */
    public Map<String, List<Point>> read(Metric metric, Instant from, Instant to, long bucketSeconds) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        jdbc.query("SELECT s.subject, (m.at / ?) * ? AS bucket, avg(m.value) FROM metric_series s "
                + "JOIN metric_sample m ON m.series_id = s.id AND m.tier IN (0, 1, 2) AND m.at >= ? AND m.at < ? "
                + "WHERE s.metric = ? GROUP BY s.subject, bucket ORDER BY s.subject, bucket",
                row -> {
                    out.computeIfAbsent(row.getString(1), s -> new ArrayList<>())
                            .add(new Point(Instant.ofEpochSecond(row.getLong(2)), metric.decode(row.getDouble(3))));
                },
                bucketSeconds, bucketSeconds, from.getEpochSecond(), to.getEpochSecond(), metric.key());
        return out;
    }

    /** Rows per tier, for tests and the size figure. */
    Map<Integer, Long> rowsPerTier() {
        Map<Integer, Long> out = new LinkedHashMap<>();
        jdbc.query("SELECT tier, count(*) FROM metric_sample GROUP BY tier ORDER BY tier",
                row -> {
                    out.put(row.getInt(1), row.getLong(2));
                });
        return out;
    }
}
