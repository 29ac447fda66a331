package io.miniman.network.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.miniman.network.settings.NetworkSettings;
import io.miniman.network.status.ClientInfo;
import io.miniman.network.status.ClientService;
import io.miniman.network.store.NetworkSettingsStore;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.StatusBadge;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import jakarta.annotation.security.RolesAllowed;

/** Who is on the WiFi. Blocking is a settings change like any other: reviewed, applied, confirmed. */
@Route(value = "network/clients", layout = MainLayout.class)
@PageTitle("Clients · Mini Manager")
@Menu(title = "Clients", order = 23, icon = "vaadin:mobile")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ClientsView extends VerticalLayout {

    private final ClientService clients;
    private final NetworkSettingsStore store;
    private final NetworkChange change;
    private final boolean admin = CurrentUser.hasRole(Roles.ADMIN);
    final Grid<ClientInfo> grid = new Grid<>();
    final Paragraph notice = new Paragraph();
    private final FieldErrors errors = new FieldErrors();

    public ClientsView(ClientService clients, NetworkSettingsStore store, NetworkChange change) {
        this.clients = clients;
        this.store = store;
        this.change = change;
        grid.addColumn(c -> c.hostname().orElse("")).setHeader("Host name").setFlexGrow(1);
        grid.addColumn(c -> c.ip().orElse("")).setHeader("IP").setAutoWidth(true);
        grid.addColumn(ClientInfo::mac).setHeader("MAC").setAutoWidth(true);
        grid.addComponentColumn(c -> StatusBadge.of(state(c), stateTheme(c))).setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> c.signalDbm().map(s -> s + " dBm").orElse("")).setHeader("Signal")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(ClientsView::connected).setHeader("Connected").setAutoWidth(true);
        grid.addColumn(c -> c.rxBytes().map(Formats::bytes).orElse("") + " / "
                + c.txBytes().map(Formats::bytes).orElse("")).setHeader("Traffic in / out").setAutoWidth(true);
        PhoneRows.of(grid, "Client", c -> c.hostname().filter(name -> !name.isEmpty()).orElse(c.mac()))
                .badge(ClientsView::state, ClientsView::stateTheme).fact(c -> c.ip().map(ip -> ip + " · ").orElse("") + c.mac())
                .fact(c -> c.signalDbm().map(s -> s + " dBm · ").orElse("") + connected(c)).install();
        if (admin) {
            grid.addComponentColumn(c -> RowMenu.of(c.mac(), items -> items.addItem(c.blocked() ? "Unblock" : "Block",
                    click -> block(c, !c.blocked())))).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        }
        grid.setAllRowsVisible(true);
        add(new H2("Clients"), new Button("Refresh", click -> refresh()), notice, grid);
        refresh();
    }

    private static String state(ClientInfo client) {
        return client.blocked() ? "blocked" : client.associated() ? "connected" : "lease only";
    }

    private static String stateTheme(ClientInfo client) {
        return client.blocked() ? "error" : client.associated() ? "success" : "contrast";
    }

    private static String connected(ClientInfo client) {
        return client.connectedSeconds().map(s -> Formats.duration(Duration.ofSeconds(s))).orElse("");
    }

    void refresh() {
        ClientService.Clients list = clients.list();
        grid.setItems(list.clients());
        notice.setText(list.stationListProblem().orElse(""));
        notice.setVisible(list.stationListProblem().isPresent());
    }

    void block(ClientInfo client, boolean block) {
        NetworkSettings current = store.current();
        List<String> blocked = new ArrayList<>(current.wifi().blockedMacs());
        blocked.removeIf(mac -> mac.toLowerCase(Locale.ROOT).equals(client.mac()));
        if (block) {
            blocked.add(client.mac());
        }
        change.review(current.withWifi(current.wifi().withBlockedMacs(blocked)), errors);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        if (admin) {
            change.followInFlight();
        }
    }
}
