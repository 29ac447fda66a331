package io.miniman.operation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import io.miniman.operation.LogRows;
import io.miniman.operation.OperationType;
import io.miniman.operation.dashboard.LogStatistics;
import io.miniman.testsupport.MinimanSpringTest;

/** A day's report (rows of 2006) as a printable page and as CSV. */
@MinimanSpringTest
class OperationReportsTest {

    private static final Instant DAY = Instant.parse("2006-02-03T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LogStatistics statistics;
    @Autowired
    PlatformTransactionManager transactions;

    private LogRows rows;
    private OperationReports reports;

    @BeforeEach
    void generate() {
        rows = new LogRows(jdbc, transactions);
        reports = new OperationReports(statistics, new LogRows.MovableClock(DAY.plus(Duration.ofDays(1))));
        rows.failed(OperationType.DOCKER, "Pull image", "image <script>", DAY.plus(Duration.ofHours(9)), "old error")
                .failed(OperationType.DOCKER, "Pull image", "image <script>", DAY.plus(Duration.ofHours(10)), "denied, \"really\"")
                .completed(OperationType.DOCKER, "Pull image", "image ok", DAY.plus(Duration.ofHours(10).plusMinutes(5)),
                        Duration.ofMinutes(3))
                .completed(OperationType.NETWORK, "Apply network settings", "network settings", DAY.plus(Duration.ofHours(10)),
                        Duration.ofSeconds(20))
                // the day after: not in the report
                .failed(OperationType.SYSTEM, "Restart service", "svc", DAY.plus(Duration.ofHours(25)), "next day")
                .save();
    }

    @AfterEach
    void remove() {
        rows.deleteBetween(DAY.minus(Duration.ofDays(10)), DAY.plus(Duration.ofDays(10)));
    }

    @Test
    void theDaysPageHasItsFiguresEscapedAndAPrintStylesheet() {
        String html = reports.html(ReportPeriod.day(LocalDate.of(2006, 2, 3), ZoneOffset.UTC));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("@media print")
                .contains("Operations report: Fri 3 Feb 2006")
                .contains("image &lt;script&gt;").doesNotContain("<script>")
                .contains("denied, &quot;really&quot;").doesNotContain("old error").doesNotContain("next day")
                .contains("<b>4</b>").contains("50.0 %");
    }

    @Test
    void theCsvHasOneSectionPerTable() {
        String csv = reports.csv(ReportPeriod.custom(LocalDate.of(2006, 2, 3), LocalDate.of(2006, 2, 3), ZoneOffset.UTC));

        assertThat(csv.split("\r\n")).contains(
                "failure rate by type,docker,,3,2,66.7,,",
                "top failing,Pull image,image <script>,2,2,,\"denied, \"\"really\"\"\",2006-02-03T10:00:00Z",
                "busiest hour,,,3,,,,2006-02-03T10:00:00Z");
        assertThat(csv).doesNotContain("next day");
    }

    @Test
    void aWeekRunsMondayToMonday() {
        ReportPeriod week = ReportPeriod.week(LocalDate.of(2006, 2, 3), ZoneOffset.UTC);
        assertThat(week.window().from()).isEqualTo(Instant.parse("2006-01-30T00:00:00Z"));
        assertThat(week.window().to()).isEqualTo(Instant.parse("2006-02-06T00:00:00Z"));
    }
}
