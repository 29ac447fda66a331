package io.miniman.docker.network.ui;

import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.SpecText;
import io.miniman.docker.network.NetworkActions;
import io.miniman.docker.network.NetworkService;
import io.miniman.docker.network.NetworkSpec;
import io.miniman.docker.network.NetworkSummary;
import io.miniman.docker.ui.DockerPage;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/** Networks: subnets, attached containers; create a bridge, remove, connect and disconnect, inspect. */
@Route(value = "docker/networks", layout = MainLayout.class)
@PageTitle("Networks · Mini Manager")
@Menu(title = "Networks", order = 43, icon = "vaadin:connect")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class NetworksView extends DockerPage {

    private final NetworkService networks;
    private final NetworkActions actions;
    private final ContainerService containers;
    final Grid<NetworkSummary> grid = new Grid<>();
    final Button create = new Button("Create network", VaadinIcon.PLUS.create());

    public NetworksView(DockerEngine engine, DockerEvents events, NetworkService networks, NetworkActions actions,
                        ContainerService containers) {
        super(engine, events, Set.of("network"));
        this.networks = networks;
        this.actions = actions;
        this.containers = containers;
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createDialog());
        create.setVisible(canAct());

        grid.addColumn(NetworkSummary::name).setHeader("Name").setFlexGrow(1).setSortable(true);
        grid.addColumn(NetworkSummary::driver).setHeader("Driver").setAutoWidth(true);
        grid.addColumn(NetworkSummary::scope).setHeader("Scope").setAutoWidth(true);
        grid.addColumn(NetworksView::subnets).setHeader("Subnet and gateway").setFlexGrow(1);
        grid.addComponentColumn(n -> n.internal() ? StatusBadge.of("internal", "contrast") : new Div()).setHeader("")
                .setAutoWidth(true);
        grid.addColumn(n -> n.containers().stream().map(a -> a.container() + (a.ipv4Address().isEmpty() ? "" : " " + a.ipv4Address()))
                .collect(Collectors.joining(", "))).setHeader("Containers").setFlexGrow(2);
        PhoneRows.of(grid, "Network", NetworkSummary::name).badge(n -> n.internal() ? "internal" : "", n -> "contrast")
                .fact(n -> n.driver() + " · " + n.scope()).fact(NetworksView::subnets).install();
        grid.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        add(new H2("Networks"), create, grid);
        expand(grid);
    }

    @Override
    protected void refresh() {
        grid.setItems(networks.list());
    }

    private static String subnets(NetworkSummary network) {
        return network.subnets().stream().map(s -> s.subnet() + (s.gateway() == null || s.gateway().isEmpty() ? "" : " via " + s.gateway()))
                .collect(Collectors.joining(", "));
    }

    private MenuBar rowMenu(NetworkSummary network) {
        return RowMenu.of(network.name(), items -> rowItems(network, items));
    }

    private void rowItems(NetworkSummary network, SubMenu items) {
        items.addItem("Inspect", click -> openInspect(network.name(), () -> networks.inspectJson(network.id())));
        if (canAct()) {
            items.addItem("Connect a container", click -> connectDialog(network));
            for (NetworkSummary.Attachment attached : network.containers()) {
                items.addItem("Disconnect " + attached.container(), click -> ConfirmAction.ask(
                        "Disconnect " + attached.container() + "?", attached.container() + " leaves " + network.name() + ".",
                        "Disconnect", () -> act(() -> actions.disconnect(network.id(), network.name(), attached.container(), false),
                                "Disconnected " + attached.container())));
            }
            if (!network.predefined()) {
                items.addItem("Remove", click -> ConfirmAction.ask("Remove network " + network.name() + "?",
                        "The network " + network.name() + " is deleted.", "Remove",
                        () -> act(() -> actions.remove(network.id(), network.name()), "Removed " + network.name())));
            }
        }
    }

    private void connectDialog(NetworkSummary network) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Connect to " + network.name());
        ComboBox<String> container = new ComboBox<>("Container");
        read(containers::names).ifPresent(container::setItems);
        TextField alias = new TextField("Alias (optional)");
        TextField address = new TextField("IPv4 address (optional)");
        dialog.add(new FormLayout(container, alias, address));
        Button save = new Button("Connect", click -> {
            if (container.getValue() == null) {
                container.setInvalid(true);
                container.setErrorMessage("Pick a container");
                return;
            }
            act(() -> actions.connect(network.id(), network.name(), container.getValue(), alias.getValue(), address.getValue()),
                    "Connected " + container.getValue());
            dialog.close();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void createDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create a bridge network");
        TextField name = new TextField("Name");
        TextField subnet = new TextField("Subnet (optional, e.g. 172.30.0.0/24)");
        TextField gateway = new TextField("Gateway (optional)");
        TextField ipRange = new TextField("IP range (optional)");
        Checkbox internal = new Checkbox("Internal (no outside access)");
        TextArea labels = new TextArea("Labels (key=value a line)");
        Div problem = new Div();
        problem.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        dialog.add(new FormLayout(name, subnet, gateway, ipRange, internal, labels), problem);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("subnet", subnet).bind("subnetGiven", subnet)
                .bind("gateway", gateway).bind("ipRange", ipRange);
        Button save = new Button("Create", click -> {
            try {
                NetworkSpec spec = new NetworkSpec(name.getValue(), subnet.getValue(), gateway.getValue(), ipRange.getValue(),
                        internal.getValue(), SpecText.keyValues(labels.getValue(), "Label"));
                problem.setText("");
                if (act(() -> actions.create(spec), "Created network " + spec.name(), errors)) {
                    dialog.close();
                }
            } catch (IllegalArgumentException e) {
                problem.setText(e.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }
}
