package io.miniman.operation.dashboard;

import java.time.Duration;
import java.time.Instant;

/** The dashboard's periods; each has a bar width that keeps the chart readable on a phone. */
public enum Period {
    DAY("24 h", Duration.ofHours(24), Duration.ofHours(1)),
    WEEK("7 days", Duration.ofDays(7), Duration.ofHours(6)),
    MONTH("30 days", Duration.ofDays(30), Duration.ofDays(1));

    private final String label;
    private final Duration length;
    private final Duration bucket;

    Period(String label, Duration length, Duration bucket) {
        this.label = label;
        this.length = length;
        this.bucket = bucket;
    }

    public String label() {
        return label;
    }

    public Duration bucket() {
        return bucket;
    }

    public Window endingAt(Instant now) {
        return new Window(now.minus(length), now);
    }
}
