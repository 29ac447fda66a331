package io.miniman.operation.dashboard;

import java.time.Duration;
import java.time.Instant;

import io.miniman.operation.OperationType;

/** The records the dashboard and the reports show; each is one row of an aggregate query. */
public final class LogFigures {

    private LogFigures() {
    }

    /** Operations of a type that started in the bucket beginning at {@code start}. */
    public record Bucket(Instant start, OperationType type, long count) {
    }

    public record TypeRate(OperationType type, long completed, long failed, long total) {

        /** Completed share of the finished ones, 0..100; 100 when nothing finished. */
        public double successPercent() {
            long finished = completed + failed;
            return finished == 0 ? 100 : 100.0 * completed / finished;
        }

        public double failurePercent() {
            long finished = completed + failed;
            return finished == 0 ? 0 : 100.0 * failed / finished;
        }
    }

    public record SlowOperation(long id, OperationType type, String name, String target, Instant start, Duration took) {
    }

    public record CauseCount(FailureCause cause, long count) {
    }

    public record NameDuration(String name, long count, Duration mean, Duration max) {
    }

    public record FailingOperation(String name, String target, long failures, Instant last, String lastError) {
    }

    public record HourCount(Instant hour, long count) {
    }

    public record Totals(long total, long completed, long failed, long unfinished) {
    }
}
