package io.miniman.operation.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.miniman.operation.alert.ChannelTest;
import io.miniman.operation.alert.MailAttachment;
import io.miniman.operation.alert.ReportMailer;

/**
 * The scheduled report by e-mail: each morning, the period that has just ended (yesterday; last week on a
 * Monday; last month on the 1st, as {@code miniman.reports.email} says) goes out as the HTML page with its
 * CSV attached, through every enabled e-mail channel of Forwarding &amp; alerts.
 */
@Component
public class ReportMail {

    private static final Logger log = LoggerFactory.getLogger(ReportMail.class);

    /** How often a report is mailed. */
    public enum Every { OFF, DAY, WEEK, MONTH }

    private final OperationReports reports;
    private final ReportMailer mailer;
    private final Clock clock;
    private final Every every;

    ReportMail(OperationReports reports, ReportMailer mailer, Clock clock,
            @Value("${miniman.reports.email:off}") String every) {
        this.reports = reports;
        this.mailer = mailer;
        this.clock = clock;
        this.every = Every.valueOf(every.strip().toUpperCase(java.util.Locale.ROOT));
    }

    @Scheduled(cron = "0 0 6 * * *")
    void morning() {
        ZoneId zone = ZoneId.systemDefault();
        periodEndedBefore(LocalDate.now(clock.withZone(zone)), every, zone).ifPresent(period -> {
            List<ChannelTest> answers = send(period);
            answers.stream().filter(answer -> !answer.ok())
                    .forEach(answer -> log.warn("Report {} not mailed: {}", period.title(), answer.message()));
        });
    }

    /** Mails the report of one period; says per channel whether it went out. */
    public List<ChannelTest> send(ReportPeriod period) {
        byte[] csv = reports.csv(period).getBytes(StandardCharsets.UTF_8);
        return mailer.send("Mini Manager report: " + period.title(), reports.html(period),
                List.of(new MailAttachment("miniman-report.csv", "text/csv", csv)));
    }

    /** The period a report is due for on {@code today}, if one ended just before it. */
    static Optional<ReportPeriod> periodEndedBefore(LocalDate today, Every every, ZoneId zone) {
        return switch (every) {
            case OFF -> Optional.empty();
            case DAY -> Optional.of(ReportPeriod.day(today.minusDays(1), zone));
            case WEEK -> today.getDayOfWeek() == DayOfWeek.MONDAY
                    ? Optional.of(ReportPeriod.week(today.minusDays(7), zone)) : Optional.empty();
            case MONTH -> today.getDayOfMonth() == 1
                    ? Optional.of(ReportPeriod.month(YearMonth.from(today.minusDays(1)), zone)) : Optional.empty();
        };
    }
}
