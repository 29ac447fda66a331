package io.miniman.operation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.miniman.operation.LogRows;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.dashboard.LogFigures.Bucket;
import io.miniman.testsupport.MinimanSpringTest;

/** The dashboard's aggregations on generated rows dated in 2003, read through a clock the test moves. */
@MinimanSpringTest
class LogStatisticsTest {

    private static final Instant NOW = Instant.parse("2003-06-10T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    NamedParameterJdbcTemplate named;

    private LogRows rows;
    private LogRows.MovableClock clock;
    private LogDashboard dashboard;

    @BeforeEach
    void generate() {
        rows = new LogRows(jdbc, transactions);
        clock = new LogRows.MovableClock(NOW);
        dashboard = new LogDashboard(new LogStatistics(named, ZoneOffset.UTC), clock);
        // within the last 24 h: 3 pulls (one unreachable, one denied) and 2 applies, the apply slow
        rows.completed(OperationType.DOCKER, "Pull image", "image nginx", NOW.minus(Duration.ofMinutes(30)), Duration.ofSeconds(20))
                .failed(OperationType.DOCKER, "Pull image", "image nginx", NOW.minus(Duration.ofMinutes(90)),
                        "Get https://registry/v2/: dial tcp 10.0.0.1:443: connection refused")
                .failed(OperationType.DOCKER, "Pull image", "image private", NOW.minus(Duration.ofMinutes(95)),
                        "unauthorized: authentication required")
                .completed(OperationType.NETWORK, "Apply network settings", "network settings", NOW.minus(Duration.ofHours(3)),
                        Duration.ofMinutes(2))
                .completed(OperationType.NETWORK, "Apply network settings", "network settings", NOW.minus(Duration.ofHours(3).plusMinutes(10)),
                        Duration.ofMinutes(1))
                .add(OperationType.SYSTEM, "Restart service", "settings svc", OperationStatus.RUNNING, "admin",
                        NOW.minus(Duration.ofMinutes(1)), null, null, null, null)
                // three days ago: counted in the week, not in the day
                .failed(OperationType.COMPOSE, "Start", "stack web", NOW.minus(Duration.ofDays(3)), "no space left on device")
                .save();
    }

    @AfterEach
    void removeRows() {
        rows.deleteBetween(NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(400)));
    }

    @Test
    void aDayCountsOnlyItsOwnRowsByTypeAndHour() {
        LogDashboard.Figures day = dashboard.figures(Period.DAY);

        assertThat(day.totals()).isEqualTo(new LogFigures.Totals(6, 3, 2, 1));
        assertThat(day.buckets()).contains(
                new Bucket(Instant.parse("2003-06-10T11:00:00Z"), OperationType.DOCKER, 1),
                new Bucket(Instant.parse("2003-06-10T10:00:00Z"), OperationType.DOCKER, 2),
                new Bucket(Instant.parse("2003-06-10T08:00:00Z"), OperationType.NETWORK, 1),
                new Bucket(Instant.parse("2003-06-10T09:00:00Z"), OperationType.NETWORK, 1));
        assertThat(day.buckets()).extracting(Bucket::type).doesNotContain(OperationType.COMPOSE);
        assertThat(day.rates()).filteredOn(r -> r.type() == OperationType.DOCKER).singleElement()
                .satisfies(r -> assertThat(r.successPercent()).isCloseTo(33.3, org.assertj.core.data.Offset.offset(0.1)));
        assertThat(day.slowest().get(0).name()).isEqualTo("Apply network settings");
        assertThat(day.slowest().get(0).took()).isEqualTo(Duration.ofMinutes(2));
        assertThat(day.causes()).extracting(LogFigures.CauseCount::cause)
                .containsExactlyInAnyOrder(FailureCause.UNREACHABLE, FailureCause.DENIED);
        assertThat(day.durations()).filteredOn(d -> d.name().equals("Apply network settings")).singleElement()
                .satisfies(d -> assertThat(d.mean()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void movingTheClockMovesTheWindow() {
        assertThat(dashboard.figures(Period.WEEK).causes()).extracting(LogFigures.CauseCount::cause)
                .contains(FailureCause.DISK_FULL);

        clock.advance(Duration.ofDays(2));
        LogDashboard.Figures day = dashboard.figures(Period.DAY);
        assertThat(day.totals().total()).isZero();
        assertThat(day.buckets()).isEmpty();
        assertThat(dashboard.figures(Period.WEEK).totals().total()).isEqualTo(7);

        clock.advance(Duration.ofDays(3));
        assertThat(dashboard.figures(Period.WEEK).totals().total()).isEqualTo(6);
        assertThat(dashboard.figures(Period.MONTH).buckets()).extracting(Bucket::start)
                .contains(Instant.parse("2003-06-07T00:00:00Z"), Instant.parse("2003-06-10T00:00:00Z"));
    }

    @Test
    void topFailingNamesTheNewestErrorOfEachOperationAndTarget() {
        rows.failed(OperationType.DOCKER, "Pull image", "image nginx", NOW.minus(Duration.ofMinutes(20)), "manifest unknown")
                .save();
        var top = new LogStatistics(named, ZoneOffset.UTC).topFailing(Period.DAY.endingAt(NOW), 5);
        assertThat(top.get(0).name()).isEqualTo("Pull image");
        assertThat(top.get(0).target()).isEqualTo("image nginx");
        assertThat(top.get(0).failures()).isEqualTo(2);
        assertThat(top.get(0).lastError()).isEqualTo("manifest unknown");
        assertThat(top.get(1).lastError()).startsWith("unauthorized");
    }

    @Test
    void theSqlAndTheJavaClassificationAgree() {
        for (String error : new String[] {"no space left on device", "pull access denied", "dial tcp: i/o timeout",
                "manifest unknown", "context deadline exceeded: timed out", "interrupted by restart", "oops"}) {
            Integer n = named.getJdbcTemplate().queryForObject("SELECT count(*) FROM (SELECT ? AS e) WHERE "
                    + FailureCause.sqlCase("e") + " = ?", Integer.class, error, FailureCause.of(error).name());
            assertThat(n).as(error).isEqualTo(1);
        }
    }
}
