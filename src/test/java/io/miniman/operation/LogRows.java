package io.miniman.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crafted log rows for the tests of the dashboard, the export and the pattern rules, written in one batch
 * straight to the table (100,000 rows through the service would take minutes). Each test dates its rows
 * in an era of its own, far from the others', and deletes them by that era afterwards.
 */
public final class LogRows {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<Object[]> pending = new ArrayList<>();

    public LogRows(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A finished row; {@code took} null leaves it running. */
    public LogRows add(OperationType type, String name, String target, OperationStatus status, String user, Instant start,
            Duration took, String result, String error, String details) {
        pending.add(new Object[] {type.name(), name, target, status.name(), details, start.toEpochMilli(),
                took == null ? null : start.plus(took).toEpochMilli(), user, result, error});
        return this;
    }

    public LogRows failed(OperationType type, String name, String target, Instant start, String error) {
        return add(type, name, target, OperationStatus.FAILED, "admin", start, Duration.ofSeconds(1), null, error, null);
    }

    public LogRows completed(OperationType type, String name, String target, Instant start, Duration took) {
        return add(type, name, target, OperationStatus.COMPLETED, "admin", start, took, "ok", null, null);
    }

    /** One transaction for the batch: a commit per row would take minutes for 100,000 rows. */
    public void save() {
        transaction.executeWithoutResult(tx -> jdbc.batchUpdate("INSERT INTO operation_log (operation_type, operation_name, target, status, details, start_time, "
                + "end_time, username, result, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pending));
        pending.clear();
    }

    /** Removes every row that started in [from, to). */
    public void deleteBetween(Instant from, Instant to) {
        jdbc.update("DELETE FROM operation_log WHERE start_time >= ? AND start_time < ?", from.toEpochMilli(), to.toEpochMilli());
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {

        private Instant now;

        public MovableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant instant) {
            now = instant;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
