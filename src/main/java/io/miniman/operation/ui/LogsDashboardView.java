package io.miniman.operation.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.scheduling.TaskScheduler;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.dashboard.LogDashboard;
import io.miniman.operation.dashboard.LogFigures;
import io.miniman.operation.dashboard.Period;
import io.miniman.operation.pattern.Finding;
import io.miniman.operation.pattern.PatternActions;
import io.miniman.operation.pattern.PatternAnalysis;
import io.miniman.operation.report.OperationReports;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.ApexChart;
import io.miniman.ui.ApexOptions;
import io.miniman.ui.FigureCard;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import jakarta.annotation.security.RolesAllowed;

/**
 * The log at a glance for 24 h, 7 or 30 days, with the findings of the pattern analysis and the period
 * reports. Figures are SQL aggregates; a burst of operations refreshes them once, {@link #DEBOUNCE} later.
 */
@Route(value = "logs", layout = MainLayout.class)
@PageTitle("Logs dashboard · Mini Manager")
@Menu(title = "Logs dashboard", order = 91, icon = "vaadin:chart")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class LogsDashboardView extends VerticalLayout {

    static final Duration DEBOUNCE = Duration.ofSeconds(2);

    private final LogDashboard dashboard;
    private final PatternAnalysis analysis;
    private final PatternActions actions;
    private final OperationEvents events;
    private final TaskScheduler scheduler;
    private final Clock clock;

    final Tabs periods = new Tabs();
    final Span total = new Span();
    final Span failed = new Span();
    final Span running = new Span();
    final ApexChart perBucket = new ApexChart(ApexOptions.bar().stacked().datetimeX());
    final ApexChart causes = new ApexChart(ApexOptions.donut());
    final Grid<LogFigures.TypeRate> rates = new Grid<>();
    final Grid<LogFigures.SlowOperation> slowest = new Grid<>();
    final Grid<LogFigures.NameDuration> durations = new Grid<>();
    final FindingsPanel findings;
    private final Map<Tab, Period> tabPeriods = new java.util.LinkedHashMap<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    // read by the refresh on the scheduler's thread, which must not wait for the UI's lock
    private volatile Period shownPeriod = Period.DAY;

    public LogsDashboardView(LogDashboard dashboard, PatternAnalysis analysis, PatternActions actions,
            OperationReports reports, OperationEvents events, TaskScheduler scheduler, Clock clock) {
        this.dashboard = dashboard;
        this.analysis = analysis;
        this.actions = actions;
        this.events = events;
        this.scheduler = scheduler;
        this.clock = clock;
        this.findings = new FindingsPanel(CurrentUser.hasAnyRole(Roles.ADMIN, Roles.OPERATOR), this::dismiss);
        for (Period period : Period.values()) {
            Tab tab = new Tab(period.label());
            tabPeriods.put(tab, period);
            periods.add(tab);
        }
        periods.addSelectedChangeListener(e -> {
            shownPeriod = period();
            show(dashboard.figures(shownPeriod), analysis.findings());
        });
        perBucket.setId("operations-per-hour");
        causes.setId("failures-by-cause");

        rates.addColumn(r -> r.type().label()).setHeader("Type");
        rates.addColumn(r -> percent(r.successPercent())).setHeader("Success");
        rates.addColumn(r -> r.completed() + " of " + (r.completed() + r.failed())).setHeader("Completed");
        slowest.addColumn(LogFigures.SlowOperation::name).setHeader("Operation").setFlexGrow(1);
        slowest.addColumn(LogFigures.SlowOperation::target).setHeader("Target").setFlexGrow(1);
        slowest.addColumn(s -> Formats.duration(s.took())).setHeader("Took").setAutoWidth(true).setFlexGrow(0);
        slowest.addItemClickListener(click -> UI.getCurrent().navigate(OperationsView.class,
                QueryParameters.of("show", String.valueOf(click.getItem().id()))));
        durations.addColumn(LogFigures.NameDuration::name).setHeader("Operation").setFlexGrow(1);
        durations.addColumn(d -> Formats.duration(d.mean())).setHeader("Mean").setAutoWidth(true).setFlexGrow(0);
        durations.addColumn(LogFigures.NameDuration::count).setHeader("Runs").setAutoWidth(true).setFlexGrow(0);
        PhoneRows.of(rates, "Type", r -> r.type().label()).fact(r -> percent(r.successPercent()) + " succeeded")
                .fact(r -> r.completed() + " of " + (r.completed() + r.failed()) + " completed").install();
        PhoneRows.of(slowest, "Operation", LogFigures.SlowOperation::name).fact(LogFigures.SlowOperation::target)
                .fact(s -> "took " + Formats.duration(s.took())).install();
        PhoneRows.of(durations, "Operation", LogFigures.NameDuration::name)
                .fact(d -> "mean " + Formats.duration(d.mean()) + " over " + d.count() + " runs").install();
        for (Grid<?> grid : List.of(rates, slowest, durations)) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.setAllRowsVisible(true);
        }

        Div cards = new Div(FigureCard.of("Operations", total), FigureCard.of("Failed", failed),
                FigureCard.of("Running", running));
        cards.addClassName("miniman-cards");
        Div charts = new Div(perBucket, causes);
        charts.addClassName("miniman-charts");
        add(new H2("Logs dashboard"), periods, cards, findings, charts, new H3("Success rate by type"), rates,
                new H3("Slowest operations"), slowest, new H3("Mean duration by operation"), durations,
                new ReportLinks(reports, clock));
        show(dashboard.figures(period()), analysis.findings());
        LiveUpdates.whileAttached(this, this::subscribe);
    }

    Period period() {
        return tabPeriods.getOrDefault(periods.getSelectedTab(), Period.DAY);
    }

    void show(LogDashboard.Figures figures, List<Finding> found) {
        LogFigures.Totals t = figures.totals();
        total.setText(String.valueOf(t.total()));
        failed.setText(t.failed() + (t.completed() + t.failed() == 0 ? ""
                : " (" + percent(100.0 * t.failed() / (t.completed() + t.failed())) + ")"));
        running.setText(String.valueOf(t.unfinished()));
        perBucket.setOptions(bucketChart(figures));
        ApexOptions donut = ApexOptions.donut().title("Failures by cause").unit("", 0);
        figures.causes().forEach(c -> donut.value(c.cause().label(), c.count()));
        causes.setOptions(donut);
        causes.setVisible(!figures.causes().isEmpty());
        rates.setItems(figures.rates());
        slowest.setItems(figures.slowest());
        durations.setItems(figures.durations());
        findings.show(found);
    }

    /** One series per type; every bucket of any type gets a point in each series, so the stacks line up. */
    private static ApexOptions bucketChart(LogDashboard.Figures figures) {
        String bucket = figures.period().bucket().toHours() == 1 ? "hour" : figures.period().bucket().toHours() == 24 ? "day"
                : figures.period().bucket().toHours() + " hours";
        ApexOptions options = ApexOptions.bar().stacked().datetimeX().unit("", 0).title("Operations per " + bucket);
        TreeSet<Instant> starts = new TreeSet<>();
        Map<OperationType, Map<Instant, Long>> byType = new TreeMap<>();
        for (LogFigures.Bucket b : figures.buckets()) {
            starts.add(b.start());
            byType.computeIfAbsent(b.type(), t -> new TreeMap<>()).put(b.start(), b.count());
        }
        byType.forEach((type, counts) -> options.series(type.label(), starts.stream()
                .map(s -> new ApexOptions.Point(s.toEpochMilli(), counts.getOrDefault(s, 0L))).toList()));
        return options;
    }

    private void dismiss(Finding finding) {
        try {
            actions.dismiss(finding.key());
            findings.show(analysis.findings());
        } catch (RuntimeException e) {
            Notification.show(e.getMessage());
        }
    }

    private Subscription subscribe(UI ui) {
        return events.subscribe(update -> {
            // a running operation's progress changes no figure; a new or finished one does
            if (update.status() != OperationStatus.RUNNING && refreshPending.compareAndSet(false, true)) {
                scheduler.schedule(() -> refreshLater(ui), clock.instant().plus(DEBOUNCE));
            }
        });
    }

    /** On the scheduler's thread: the queries run outside the UI's lock, only the result is pushed. */
    private void refreshLater(UI ui) {
        refreshPending.set(false);
        LogDashboard.Figures figures = dashboard.figures(shownPeriod);
        List<Finding> found = analysis.findings();
        try {
            ui.access(() -> show(figures, found));
        } catch (UIDetachedException closed) {
            // the tab closed while the figures were read: nobody to show them to
        }
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f %%", value);
    }
}
