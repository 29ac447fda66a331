package io.miniman.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.security.Roles;
import io.miniman.system.HostMetricsService;
import io.miniman.system.HostSnapshot;
import jakarta.annotation.security.RolesAllowed;

/** The host at a glance, with CPU and memory charts fed by push every 2 seconds. */
@Route("")
@PageTitle("Dashboard · Mini Manager")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DashboardView extends VerticalLayout {

    private final HostMetricsService metrics;
    private final Span hostname = new Span();
    private final Span uptime = new Span();
    private final Span load = new Span();
    private final Span cpu = new Span();
    private final Span memory = new Span();
    private final Span disk = new Span();
    private final ApexChart cpuChart;
    private final ApexChart memoryChart;

    public DashboardView(HostMetricsService metrics) {
        this.metrics = metrics;
        List<HostSnapshot> history = metrics.history();
        cpuChart = new ApexChart(ApexOptions.area().title("CPU").datetimeX().yRange(0, 100).unit(" %", 0)
                .series("CPU", history.stream().filter(s -> s.cpuPercent() >= 0)
                        .map(s -> new ApexOptions.Point(s.at().toEpochMilli(), round(s.cpuPercent()))).toList())
                .maxPoints(150));
        memoryChart = new ApexChart(ApexOptions.area().title("Memory").datetimeX().yRange(0, 100).unit(" %", 0)
                .series("Memory used", history.stream()
                        .map(s -> new ApexOptions.Point(s.at().toEpochMilli(), round(s.memoryUsedPercent()))).toList())
                .colors("#16a34a").maxPoints(150));
        cpuChart.setId("cpu-chart");
        memoryChart.setId("memory-chart");

        Div cards = new Div(card("Host", hostname), card("Up", uptime), card("Load", load), card("CPU", cpu),
                card("Memory", memory), card("Disk (data)", disk));
        cards.addClassName("miniman-cards");
        Div charts = new Div(cpuChart, memoryChart);
        charts.addClassName("miniman-charts");
        add(new H2("Dashboard"), cards, new H3("Last 5 minutes"), charts);
        show(history.isEmpty() ? metrics.read() : history.get(history.size() - 1));
        LiveUpdates.whileAttached(this, ui -> metrics.subscribe(snapshot -> ui.access(() -> append(snapshot))));
    }

    private static Div card(String label, Span value) {
        Span caption = new Span(label);
        caption.addClassName("label");
        value.addClassName("value");
        Div card = new Div(caption, new Div(value));
        card.addClassName("miniman-card");
        return card;
    }

    void show(HostSnapshot s) {
        hostname.setText(s.hostname());
        uptime.setText(Formats.duration(s.uptime()));
        load.setText(String.format(Locale.ROOT, "%.2f %.2f %.2f", s.load1(), s.load5(), s.load15()));
        cpu.setText(s.cpuPercent() < 0 ? "…" : String.format(Locale.ROOT, "%.0f %%", s.cpuPercent()));
        memory.setText(String.format(Locale.ROOT, "%.0f %% of %s", s.memoryUsedPercent(), Formats.bytes(s.memoryTotalBytes())));
        disk.setText(String.format(Locale.ROOT, "%s free of %s", Formats.bytes(s.diskFreeBytes()), Formats.bytes(s.diskTotalBytes())));
    }

    private void append(HostSnapshot snapshot) {
        show(snapshot);
        long x = snapshot.at().toEpochMilli();
        if (snapshot.cpuPercent() >= 0) {
            cpuChart.appendPoint(0, x, round(snapshot.cpuPercent()));
        }
        memoryChart.appendPoint(0, x, round(snapshot.memoryUsedPercent()));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
