package io.miniman.system.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the history small: 10-second samples become minute averages after a day, minute averages hour
 * averages after a week, and everything goes after the retention (90 days). Run every 10 minutes, so
 * each pass moves a few thousand rows and holds SQLite's one write lock only briefly.
 */
@Component
class MetricsRetention {

    static final Duration RAW_FOR = Duration.ofHours(24);
    static final Duration MINUTES_FOR = Duration.ofDays(7);
    private static final long EVERY_MILLIS = 10 * 60 * 1000L;
    private static final Logger log = LoggerFactory.getLogger(MetricsRetention.class);

    private final MetricStore store;
    private final Duration retention;
    private final Clock clock;

    MetricsRetention(MetricStore store, MetricsProperties properties, Clock clock) {
        this.store = store;
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = EVERY_MILLIS)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("resource history upkeep failed: {}", e.toString());
        }
    }

    /** One pass at the clock's time; returns the rows it removed from tier 0 and 1 and by age. */
    int run() {
        Instant now = clock.instant();
        int moved = store.downsample(MetricStore.RAW, MetricStore.MINUTE, 60, now.minus(RAW_FOR).truncatedTo(ChronoUnit.MINUTES));
        moved += store.downsample(MetricStore.MINUTE, MetricStore.HOUR, 3600, now.minus(MINUTES_FOR).truncatedTo(ChronoUnit.HOURS));
        return moved + store.deleteBefore(now.minus(retention));
    }
}
