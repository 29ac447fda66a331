package io.miniman.operation.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import io.miniman.operation.OperationType;
import io.miniman.operation.dashboard.LogFigures.Bucket;
import io.miniman.operation.dashboard.LogFigures.CauseCount;
import io.miniman.operation.dashboard.LogFigures.FailingOperation;
import io.miniman.operation.dashboard.LogFigures.NameDuration;
import io.miniman.operation.dashboard.LogFigures.SlowOperation;
import io.miniman.operation.dashboard.LogFigures.Totals;
import io.miniman.operation.dashboard.LogFigures.TypeRate;

/**
 * The log's figures, each one GROUP BY in SQLite over the start-time index: a month of operations is
 * counted where it is stored, never loaded. Times are stored as epoch milliseconds. None of these
 * returns an operation's details, so they need no per-reader redaction.
 */
@Service
public class LogStatistics {

    private static final String IN_WINDOW = " FROM operation_log WHERE start_time >= :from AND start_time < :to ";
    private static final String DURATION = "(end_time - start_time)";

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    @Autowired
    LogStatistics(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, ZoneId.systemDefault());
    }

    LogStatistics(NamedParameterJdbcTemplate jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    public Totals totals(Window window) {
        return jdbc.queryForObject("SELECT count(*), " + countOf("status = 'COMPLETED'") + ", " + countOf("status = 'FAILED'")
                + ", " + countOf("status IN ('PENDING', 'RUNNING')") + IN_WINDOW, params(window),
                (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    /** Counts per type and bucket; buckets start on the local clock's boundaries (a day bar is a local day). */
    public List<Bucket> buckets(Window window, Duration bucket) {
        long offset = zone.getRules().getOffset(window.to()).getTotalSeconds() * 1000L;
        MapSqlParameterSource params = params(window).addValue("size", bucket.toMillis()).addValue("offset", offset);
        return jdbc.query("SELECT ((start_time + :offset) / :size) * :size - :offset AS bucket, operation_type, count(*)"
                + IN_WINDOW + "GROUP BY bucket, operation_type ORDER BY bucket, operation_type", params,
                (rs, i) -> new Bucket(Instant.ofEpochMilli(rs.getLong(1)), OperationType.valueOf(rs.getString(2)), rs.getLong(3)));
    }

    public List<TypeRate> ratesByType(Window window) {
        return jdbc.query("SELECT operation_type, " + countOf("status = 'COMPLETED'") + ", " + countOf("status = 'FAILED'")
                + ", count(*)" + IN_WINDOW + "GROUP BY operation_type ORDER BY operation_type", params(window),
                (rs, i) -> new TypeRate(OperationType.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }

    public List<SlowOperation> slowest(Window window, int limit) {
        return jdbc.query("SELECT id, operation_type, operation_name, target, start_time, " + DURATION + " AS took"
                + IN_WINDOW + "AND end_time IS NOT NULL ORDER BY took DESC, id DESC LIMIT :limit",
                params(window).addValue("limit", limit),
                (rs, i) -> new SlowOperation(rs.getLong(1), OperationType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), Duration.ofMillis(rs.getLong(6))));
    }

    public List<CauseCount> failuresByCause(Window window) {
        return jdbc.query("SELECT " + FailureCause.sqlCase("error_message") + " AS cause, count(*) AS n" + IN_WINDOW
                + "AND status = 'FAILED' GROUP BY cause ORDER BY n DESC, cause", params(window),
                (rs, i) -> new CauseCount(FailureCause.valueOf(rs.getString(1)), rs.getLong(2)));
    }

    /** Mean and longest duration per operation name, slowest mean first. */
    public List<NameDuration> durationsByName(Window window, int limit) {
        return jdbc.query("SELECT operation_name, count(*), avg(" + DURATION + ") AS mean, max(" + DURATION + ")" + IN_WINDOW
                + "AND end_time IS NOT NULL GROUP BY operation_name ORDER BY mean DESC, operation_name LIMIT :limit",
                params(window).addValue("limit", limit),
                (rs, i) -> new NameDuration(rs.getString(1), rs.getLong(2), Duration.ofMillis(Math.round(rs.getDouble(3))),
                        Duration.ofMillis(rs.getLong(4))));
    }

    /** The operations (name and target) that failed most, each with its newest error. */
    public List<FailingOperation> topFailing(Window window, int limit) {
        return jdbc.query("SELECT operation_name, target, count(*) AS n, max(start_time) AS last, "
                + "(SELECT l.error_message FROM operation_log l WHERE l.status = 'FAILED' AND l.operation_name = o.operation_name "
                + "AND l.target IS o.target AND l.start_time >= :from AND l.start_time < :to ORDER BY l.start_time DESC, l.id DESC LIMIT 1) "
                + "FROM operation_log o WHERE start_time >= :from AND start_time < :to AND status = 'FAILED' "
                + "GROUP BY operation_name, target ORDER BY n DESC, last DESC LIMIT :limit",
                params(window).addValue("limit", limit),
                (rs, i) -> new FailingOperation(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)));
    }

    /** The hours (local boundaries) with the most operations started, busiest first. */
    public List<LogFigures.HourCount> busiestHours(Window window, int limit) {
        long offset = zone.getRules().getOffset(window.to()).getTotalSeconds() * 1000L;
        return jdbc.query("SELECT ((start_time + :offset) / 3600000) * 3600000 - :offset AS hour, count(*) AS n" + IN_WINDOW
                + "GROUP BY hour ORDER BY n DESC, hour DESC LIMIT :limit",
                params(window).addValue("offset", offset).addValue("limit", limit),
                (rs, i) -> new LogFigures.HourCount(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2)));
    }

    private static String countOf(String condition) {
        return "coalesce(sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    private static MapSqlParameterSource params(Window window) {
        return new MapSqlParameterSource().addValue("from", window.from().toEpochMilli()).addValue("to", window.to().toEpochMilli());
    }
}
