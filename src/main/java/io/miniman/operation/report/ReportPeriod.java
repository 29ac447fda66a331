package io.miniman.operation.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

import io.miniman.operation.dashboard.Window;

/** The period a report covers, in local days (a "day" is the box's midnight to midnight). */
public record ReportPeriod(Kind kind, Window window, String title) {

    public enum Kind {
        DAY, WEEK, MONTH, CUSTOM
    }

    private static final DateTimeFormatter DAY_TITLE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    public static ReportPeriod day(LocalDate day, ZoneId zone) {
        return new ReportPeriod(Kind.DAY, window(day, day.plusDays(1), zone), DAY_TITLE.format(day));
    }

    /** The week (Monday to Sunday) that holds {@code day}. */
    public static ReportPeriod week(LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(Kind.WEEK, window(monday, monday.plusWeeks(1), zone),
                "week of " + DAY_TITLE.format(monday));
    }

    public static ReportPeriod month(YearMonth month, ZoneId zone) {
        return new ReportPeriod(Kind.MONTH, window(month.atDay(1), month.plusMonths(1).atDay(1), zone),
                month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH)));
    }

    /** From the first to the last day, both included. */
    public static ReportPeriod custom(LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the last day is before the first");
        }
        return new ReportPeriod(Kind.CUSTOM, window(first, last.plusDays(1), zone),
                DAY_TITLE.format(first) + " to " + DAY_TITLE.format(last));
    }

    private static Window window(LocalDate from, LocalDate to, ZoneId zone) {
        return new Window(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }
}
