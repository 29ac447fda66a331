package io.miniman.operation.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import io.miniman.operation.report.OperationReports;
import io.miniman.operation.report.ReportPeriod;

/** A period report, opened as a printable page or downloaded as CSV. */
class ReportLinks extends Composite<VerticalLayout> {

    private final OperationReports reports;
    private final ZoneId zone = ZoneId.systemDefault();
    final Select<ReportPeriod.Kind> kind = new Select<>();
    final DatePicker day = new DatePicker("Day");
    final DatePicker last = new DatePicker("Last day");
    final Anchor html = new Anchor();
    final Anchor csv = new Anchor();
    final Span problem = new Span();

    ReportLinks(OperationReports reports, Clock clock) {
        this.reports = reports;
        kind.setLabel("Report");
        kind.setItems(ReportPeriod.Kind.values());
        kind.setItemLabelGenerator(k -> switch (k) {
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
            case CUSTOM -> "From … to …";
        });
        kind.setValue(ReportPeriod.Kind.DAY);
        day.setValue(LocalDate.ofInstant(clock.instant(), zone));
        last.setValue(day.getValue());
        html.setText("Open report");
        html.setTarget(AnchorTarget.BLANK);
        csv.setText("Report CSV");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        kind.addValueChangeListener(e -> update());
        day.addValueChangeListener(e -> update());
        last.addValueChangeListener(e -> update());
        FlexLayout row = new FlexLayout(kind, day, last, html, csv);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setPadding(false);
        getContent().add(new H3("Reports"), row, problem);
        update();
    }

    /** The period picked, or null with the reason shown when the days do not make one. */
    ReportPeriod period() {
        LocalDate first = day.getValue();
        if (first == null) {
            return null;
        }
        return switch (kind.getValue()) {
            case DAY -> ReportPeriod.day(first, zone);
            case WEEK -> ReportPeriod.week(first, zone);
            case MONTH -> ReportPeriod.month(YearMonth.from(first), zone);
            case CUSTOM -> last.getValue() == null || last.getValue().isBefore(first) ? null
                    : ReportPeriod.custom(first, last.getValue(), zone);
        };
    }

    private void update() {
        boolean custom = kind.getValue() == ReportPeriod.Kind.CUSTOM;
        day.setLabel(custom ? "First day" : "Day in the period");
        last.setVisible(custom);
        ReportPeriod period = period();
        problem.setText(period == null ? "Pick a day" + (custom ? " and a last day on or after it" : "") : "");
        html.setEnabled(period != null);
        csv.setEnabled(period != null);
        if (period == null) {
            return;
        }
        String name = "operations-report-" + period.window().from().atZone(zone).toLocalDate();
        html.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(reports.html(period).getBytes(StandardCharsets.UTF_8)), name + ".html",
                "text/html; charset=utf-8", -1)).inline());
        csv.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(reports.csv(period).getBytes(StandardCharsets.UTF_8)), name + ".csv",
                "text/csv; charset=utf-8", -1)));
    }
}
