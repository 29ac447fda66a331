package io.miniman.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.security.Roles;
import io.miniman.system.HostMetricsService;
import io.miniman.system.HostSnapshot;
import jakarta.annotation.security.RolesAllowed;

/**
 * The host at a glance, cards live by push every 2 seconds. The history charts are one tap away on the
 * Resources page, linked by its route: naming its class would put the charts into this page's download.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · Mini Manager")
@Menu(title = "Dashboard", order = 0, icon = "vaadin:dashboard")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class DashboardView extends VerticalLayout {

    /** What a browser test waits for to know the dashboard is drawn. */
    public static final String FIGURES_ID = "host-figures";

    private final HostMetricsService metrics;
    private final Span hostname = new Span();
    private final Span uptime = new Span();
    private final Span load = new Span();
    private final Span cpu = new Span();
    private final Span memory = new Span();
    private final Span disk = new Span();

    public DashboardView(HostMetricsService metrics) {
        this.metrics = metrics;
        List<HostSnapshot> recent = metrics.history();
        Div cards = new Div(FigureCard.of("Host", hostname), FigureCard.of("Up", uptime), FigureCard.of("Load", load),
                FigureCard.of("CPU", cpu), FigureCard.of("Memory", memory), FigureCard.of("Disk (data)", disk));
        cards.addClassName("miniman-cards");
        cards.setId(FIGURES_ID);
        Anchor history = new Anchor(ResourcesView.ROUTE, "Resource history");
        history.getElement().setAttribute("router-link", true);
        add(new H2("Dashboard"), cards, history);
        show(recent.isEmpty() ? metrics.read() : recent.get(recent.size() - 1));
        LiveUpdates.whileAttached(this, ui -> metrics.subscribe(snapshot -> ui.access(() -> show(snapshot))));
    }

    void show(HostSnapshot s) {
        hostname.setText(s.hostname());
        uptime.setText(Formats.duration(s.uptime()));
        load.setText(String.format(Locale.ROOT, "%.2f %.2f %.2f", s.load1(), s.load5(), s.load15()));
        cpu.setText(s.cpuPercent() < 0 ? "…" : String.format(Locale.ROOT, "%.0f %%", s.cpuPercent()));
        memory.setText(String.format(Locale.ROOT, "%.0f %% of %s", s.memoryUsedPercent(), Formats.bytes(s.memoryTotalBytes())));
        disk.setText(String.format(Locale.ROOT, "%s free of %s", Formats.bytes(s.diskFreeBytes()), Formats.bytes(s.diskTotalBytes())));
    }
}
