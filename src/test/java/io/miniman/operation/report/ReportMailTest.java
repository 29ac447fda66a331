package io.miniman.operation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import io.miniman.operation.report.ReportMail.Every;

class ReportMailTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Test
    void eachMorningTheDayBeforeIsDue() {
        assertThat(ReportMail.periodEndedBefore(LocalDate.of(2026, 11, 29), Every.DAY, ZONE))
                .contains(ReportPeriod.day(LocalDate.of(2026, 11, 28), ZONE));
    }

    @Test
    void theWeekIsDueOnMondayOnlyAndCoversMondayToSunday() {
        assertThat(ReportMail.periodEndedBefore(LocalDate.of(2026, 11, 29), Every.WEEK, ZONE)).isEmpty();
        ReportPeriod week = ReportMail.periodEndedBefore(LocalDate.of(2026, 11, 30), Every.WEEK, ZONE).orElseThrow();
        assertThat(week).isEqualTo(ReportPeriod.week(LocalDate.of(2026, 11, 23), ZONE));
        assertThat(week.title()).isEqualTo("week of Mon 23 Nov 2026");
    }

    @Test
    void theMonthIsDueOnTheFirstAndNothingWhenOff() {
        assertThat(ReportMail.periodEndedBefore(LocalDate.of(2026, 12, 1), Every.MONTH, ZONE).orElseThrow().title())
                .isEqualTo("November 2026");
        assertThat(ReportMail.periodEndedBefore(LocalDate.of(2026, 11, 30), Every.MONTH, ZONE)).isEmpty();
        assertThat(ReportMail.periodEndedBefore(LocalDate.of(2026, 12, 1), Every.OFF, ZONE)).isEmpty();
    }
}
