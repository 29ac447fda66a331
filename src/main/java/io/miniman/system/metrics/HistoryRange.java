package io.miniman.system.metrics;

import java.time.Duration;

/**
 * The spans the dashboard offers, each drawn with about 360 points: the bucket is the span divided
 * so, never finer than the stored resolution of the data it reaches back to.
 */
public enum HistoryRange {
    HOUR("1 h", Duration.ofHours(1), Duration.ofSeconds(10)),
    DAY("24 h", Duration.ofHours(24), Duration.ofMinutes(4)),
    WEEK("7 d", Duration.ofDays(7), Duration.ofMinutes(30)),
    QUARTER("90 d", Duration.ofDays(90), Duration.ofHours(6));

    private final String label;
    private final Duration span;
    private final Duration bucket;

    HistoryRange(String label, Duration span, Duration bucket) {
        this.label = label;
        this.span = span;
        this.bucket = bucket;
    }

    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }

    public Duration bucket() {
        return bucket;
    }

    public int points() {
        return (int) (span.toSeconds() / bucket.toSeconds());
    }
}
