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
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/** Who is on the WiFi. Blocking is a settings change like any other: reviewed, applied, confirmed. */
@Route("network/clients")
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
        grid.addComponentColumn(c -> c.blocked() ? StatusBadge.of("blocked", "error")
                : c.associated() ? StatusBadge.of("connected", "success") : StatusBadge.of("lease only", "contrast"))
                .setHeader("State").setAutoWidth(true);
        grid.addColumn(c -> c.signalDbm().map(s -> s + " dBm").orElse("")).setHeader("Signal")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(c -> c.connectedSeconds().map(s -> Formats.duration(Duration.ofSeconds(s))).orElse(""))
                .setHeader("Connected").setAutoWidth(true);
        grid.addColumn(c -> c.rxBytes().map(Formats::bytes).orElse("") + " / "
                + c.txBytes().map(Formats::bytes).orElse("")).setHeader("Traffic in / out").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(c -> new Button(c.blocked() ? "Unblock" : "Block", click -> block(c, !c.blocked())))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        grid.setAllRowsVisible(true);
        add(new H2("Clients"), new Button("Refresh", click -> refresh()), notice, grid);
        refresh();
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
