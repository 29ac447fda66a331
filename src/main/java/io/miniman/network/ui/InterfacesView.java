package io.miniman.network.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.miniman.network.status.AccessPointStatus;
import io.miniman.network.status.InterfaceInfo;
import io.miniman.network.status.InterfaceService;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.Roles;
import io.miniman.ui.ApexChart;
import io.miniman.ui.ApexOptions;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.StatusBadge;
import io.miniman.ui.PhoneRows;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every interface with its counters, and the throughput of one as a live chart. The browser polls
 * every two seconds while the view is open; nothing samples when nobody looks.
 */
@Route(value = "network/interfaces", layout = MainLayout.class)
@PageTitle("Interfaces · Mini Manager")
@Menu(title = "Interfaces", order = 20, icon = "vaadin:connect")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class InterfacesView extends VerticalLayout {

    static final int POLL_MILLIS = 2000;

    private final InterfaceService interfaces;
    private final Clock clock;
    final Grid<InterfaceInfo> grid = new Grid<>();
    final Select<String> charted = new Select<>();
    final Paragraph accessPoint = new Paragraph();
    private final ApexChart chart = new ApexChart(ApexOptions.line().title("Throughput").datetimeX()
            .unit(" kB/s", 1).maxPoints(90).series("received", List.of()).series("sent", List.of()));
    private final Map<String, InterfaceInfo> previous = new HashMap<>();
    private long previousAt;
    private Registration poll;

    public InterfacesView(InterfaceService interfaces, NetworkSettingsStore store, Clock clock) {
        this.interfaces = interfaces;
        this.clock = clock;
        grid.addColumn(InterfaceInfo::name).setHeader("Interface").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> StatusBadge.of(i.state(), stateTheme(i))).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(i -> String.join(" ", i.addresses())).setHeader("Addresses").setFlexGrow(1);
        grid.addColumn(InterfaceInfo::mac).setHeader("MAC").setAutoWidth(true);
        grid.addColumn(InterfaceInfo::mtu).setHeader("MTU").setAutoWidth(true);
        grid.addColumn(i -> Formats.bytes(i.rxBytes())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(i -> Formats.bytes(i.txBytes())).setHeader("Sent").setAutoWidth(true);
        grid.addColumn(i -> i.wireless() ? "WiFi" : "").setHeader("Kind").setAutoWidth(true);
        PhoneRows.of(grid, "Interface", InterfaceInfo::name).badge(InterfaceInfo::state, InterfacesView::stateTheme)
                .fact(i -> String.join(" ", i.addresses()))
                .fact(i -> (i.wireless() ? "WiFi · " : "") + "in " + Formats.bytes(i.rxBytes()) + " · out " + Formats.bytes(i.txBytes()))
                .install();
        grid.setAllRowsVisible(true);

        String lanInterface = store.current().lan().iface();
        AccessPointStatus ap = interfaces.accessPoint(store.current().wifi().iface());
        accessPoint.setText(ap.available()
                ? "Access point: " + ap.state() + ", SSID " + ap.details().getOrDefault("ssid[0]", "?") + ", channel "
                        + ap.details().getOrDefault("channel", "?") + ", " + ap.details().getOrDefault("num_sta[0]", "0")
                        + " client(s)"
                : "Access point state unknown (" + ap.reason() + ")");

        charted.setLabel("Chart");
        List<InterfaceInfo> now = interfaces.list();
        charted.setItems(now.stream().map(InterfaceInfo::name).toList());
        charted.setValue(now.stream().anyMatch(i -> i.name().equals(lanInterface)) ? lanInterface
                : now.isEmpty() ? null : now.get(0).name());
        // the options hold no points (those live in the browser): setting them again starts an empty chart
        charted.addValueChangeListener(event -> chart.setOptions(chart.getOptions()));
        add(new H2("Interfaces"), accessPoint, grid, charted, chart);
        show(now);
    }

    void show(List<InterfaceInfo> now) {
        grid.setItems(now);
        long at = clock.millis();
        for (InterfaceInfo current : now) {
            InterfaceInfo before = previous.get(current.name());
            if (before != null && current.name().equals(charted.getValue()) && at > previousAt) {
                double seconds = (at - previousAt) / 1000.0;
                chart.appendPoint(0, at, round((current.rxBytes() - before.rxBytes()) / 1024.0 / seconds));
                chart.appendPoint(1, at, round((current.txBytes() - before.txBytes()) / 1024.0 / seconds));
            }
            previous.put(current.name(), current);
        }
        previousAt = at;
    }

    private static String stateTheme(InterfaceInfo info) {
        return switch (info.state()) {
            case "UP" -> "success";
            case "DOWN" -> "error";
            default -> "contrast";
        };
    }

    private static double round(double value) {
        return Math.max(0, Math.round(value * 10) / 10.0);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(tick -> show(interfaces.list()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }
}
