package io.miniman.docker.container.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.Subscription;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.container.ContainerSummary;
import io.miniman.docker.container.ContainerUsage;
import io.miniman.docker.container.ContainerUsageSampler;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.ui.ContainerTransferDialog;
import io.miniman.docker.network.NetworkService;
import io.miniman.docker.ui.DockerPage;
import io.miniman.operation.OperationHandle;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/** Every container on the engine, live: filters, badges, a menu per row and actions on a selection. */
@Route(value = "docker/containers", layout = MainLayout.class)
@PageTitle("Containers · Mini Manager")
@Menu(title = "Containers", order = 40, icon = "vaadin:cubes")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ContainersView extends DockerPage {

    static final List<String> STATES = List.of("running", "paused", "restarting", "created", "exited", "dead");
    /** Below this width (a tablet held upright) only name, state and the menu stay; below a phone's, the rows of {@link PhoneRows}. */
    private static final int NARROW = 900;

    private final ContainerService containers;
    private final ContainerActions actions;
    private final ImageService images;
    private final NetworkService networks;
    private final ContainerUsageSampler sampler;
    private Map<String, ContainerUsage> usage = Map.of();

    final Grid<ContainerSummary> grid = new Grid<>();
    final MultiSelectComboBox<String> states = new MultiSelectComboBox<>("State");
    final TextField search = new TextField("Search");
    final Button run = new Button("Run container", VaadinIcon.PLUS.create());
    /** The actions on the selected rows, one menu that shows only while rows are selected. */
    final MenuBar bulk = new MenuBar();
    private final MenuItem selected = bulk.addItem("");
    private final List<Grid.Column<ContainerSummary>> secondary = new ArrayList<>();
    private List<ContainerSummary> rows = List.of();

    private final TransferActions transfers;

    public ContainersView(DockerEngine engine, DockerEvents events, ContainerService containers, ContainerActions actions,
                          ImageService images, NetworkService networks, ContainerUsageSampler sampler, TransferActions transfers) {
        super(engine, events, Set.of("container"));
        this.transfers = transfers;
        this.containers = containers;
        this.actions = actions;
        this.images = images;
        this.networks = networks;
        this.sampler = sampler;

        states.setItems(STATES);
        states.setClearButtonVisible(true);
        states.addValueChangeListener(e -> refreshNow());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setPlaceholder("name, image or id");
        search.addValueChangeListener(e -> refreshNow());
        FlexLayout filters = new FlexLayout(states, search);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(click -> read(() -> new RunDialog(images, networks, actions, this::refreshNow)).ifPresent(RunDialog::open));
        configureBulk();
        FlexLayout toolbar = new FlexLayout(run, bulk);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.getStyle().set("gap", "var(--lumo-space-s)");
        toolbar.setVisible(canAct());

        configureGrid();
        updateBulkButtons();
        add(new H2("Containers"), toolbar, filters, grid);
        expand(grid);
    }

    private void configureGrid() {
        grid.addComponentColumn(c -> new RouterLink(c.name(), ContainerView.class, c.id())).setHeader("Name")
                .setWidth("7rem").setFlexGrow(1).setSortable(true).setComparator(ContainerSummary::name);
        grid.addComponentColumn(c -> StatusBadge.of(c.state(), stateTheme(c.state()))).setHeader("State")
                .setAutoWidth(true).setFlexGrow(0);
        secondary.add(grid.addColumn(ContainerSummary::image).setHeader("Image").setWidth("10rem").setFlexGrow(1));
        secondary.add(grid.addComponentColumn(ContainersView::status).setHeader("Status").setAutoWidth(true));
        secondary.add(grid.addColumn(c -> c.ports().stream().map(Object::toString).collect(Collectors.joining(", ")))
                .setHeader("Ports").setWidth("8rem").setFlexGrow(1));
        secondary.add(grid.addColumn(c -> Formats.time(c.created())).setHeader("Created").setAutoWidth(true)
                .setComparator(Comparator.comparing(ContainerSummary::created)));
        secondary.add(grid.addColumn(this::usage).setHeader("CPU · memory").setWidth("10rem").setFlexGrow(0));
        // the menu stays in view however wide the other columns make the grid
        PhoneRows.of(grid, "Container", ContainerSummary::name)
                .link(c -> RouteConfiguration.forSessionScope().getUrl(ContainerView.class, c.id()))
                .badge(ContainerSummary::state, c -> stateTheme(c.state())).fact(ContainerSummary::image).fact(this::usage)
                .wideOnly(NARROW, secondary).install();
        grid.addComponentColumn(this::rowMenu).setHeader("").setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        if (canAct()) {
            grid.setSelectionMode(Grid.SelectionMode.MULTI);
            grid.addSelectionListener(e -> updateBulkButtons());
        } else {
            grid.setSelectionMode(Grid.SelectionMode.NONE);
        }
        grid.setItems(new CallbackDataProvider<ContainerSummary, Void>(
                query -> rows.stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> rows.size(), ContainerSummary::id));
        grid.setSizeFull();
        LiveUpdates.whileAttached(grid, this::followUsage);
    }

    private String usage(ContainerSummary c) {
        ContainerUsage u = usage.get(c.id());
        if (u == null || !c.running()) {
            return "";
        }
        return (Double.isNaN(u.cpuPercent()) ? "…" : String.format(Locale.ROOT, "%.1f %%", u.cpuPercent()))
                + " · " + Formats.bytes(u.memoryBytes());
    }

    private Subscription followUsage(UI ui) {
        usage = sampler.latest();
        return sampler.subscribe(figures -> ui.access(() -> {
            usage = figures;
            grid.getDataProvider().refreshAll();
        }));
    }

    @Override
    protected void refresh() {
        rows = containers.list(filter());
        grid.getDataProvider().refreshAll();
        // a container that is gone cannot stay selected
        Set<String> present = rows.stream().map(ContainerSummary::id).collect(Collectors.toSet());
        grid.getSelectedItems().stream().filter(c -> !present.contains(c.id())).forEach(grid::deselect);
        updateBulkButtons();
    }

    ContainerFilter filter() {
        return new ContainerFilter(states.getValue(), search.getValue());
    }

    /** The rows as the grid has them now (for tests and the benchmark). */
    List<ContainerSummary> rows() {
        return rows;
    }

    private void configureBulk() {
        bulk.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        SubMenu items = selected.getSubMenu();
        items.addItem("Start", click -> onSelection(c -> () -> actions.start(c.id(), c.name()), "Started"));
        items.addItem("Stop", click -> onSelection(c -> () -> actions.stop(c.id(), c.name(), ContainerActions.STOP_TIMEOUT), "Stopped"));
        items.addItem("Restart", click -> onSelection(
                c -> () -> actions.restart(c.id(), c.name(), ContainerActions.STOP_TIMEOUT), "Restarted"));
        items.addItem("Kill", click -> confirmKill(List.copyOf(grid.getSelectedItems())));
        items.addItem("Remove", click -> confirmRemove(List.copyOf(grid.getSelectedItems())));
    }

    private void updateBulkButtons() {
        int count = grid.getSelectedItems().size();
        selected.setText("Selected (" + count + ") ▾");
        bulk.setVisible(count > 0);
    }

    static String stateTheme(String state) {
        return switch (state) {
            case "running" -> "success";
            case "paused", "restarting" -> "contrast";
            case "dead" -> "error";
            case "exited" -> "error";
            default -> "";
        };
    }

    private static Component status(ContainerSummary c) {
        Span status = new Span(c.status() + " ");
        if (!c.health().isEmpty()) {
            status.add(StatusBadge.of(c.health(), "healthy".equals(c.health()) ? "success" : "unhealthy".equals(c.health())
                    ? "error" : "contrast"));
        }
        return status;
    }

    private Component rowMenu(ContainerSummary c) {
        return RowMenu.of(c.name(), items -> rowItems(c, items));
    }

    private void rowItems(ContainerSummary c, SubMenu items) {
        items.addItem("Open", click -> getUI().ifPresent(ui -> ui.navigate(ContainerView.class, c.id())));
        if (canAct()) {
            if (c.running()) {
                items.addItem("Stop", click -> act(() -> actions.stop(c.id(), c.name(), ContainerActions.STOP_TIMEOUT),
                        "Stopped " + c.name()));
                items.addItem("Restart", click -> act(() -> actions.restart(c.id(), c.name(), ContainerActions.STOP_TIMEOUT),
                        "Restarted " + c.name()));
                items.addItem("Pause", click -> act(() -> actions.pause(c.id(), c.name()), "Paused " + c.name()));
                items.addItem("Kill", click -> confirmKill(List.of(c)));
            } else if (c.paused()) {
                items.addItem("Unpause", click -> act(() -> actions.unpause(c.id(), c.name()), "Unpaused " + c.name()));
                items.addItem("Kill", click -> confirmKill(List.of(c)));
            } else {
                items.addItem("Start", click -> act(() -> actions.start(c.id(), c.name()), "Started " + c.name()));
            }
            items.addItem("Rename", click -> rename(c));
            items.addItem("Export / commit", click -> new ContainerTransferDialog(transfers, c.id(), c.name()).open());
            items.addItem("Remove", click -> confirmRemove(List.of(c)));
        }
    }

    private void onSelection(Function<ContainerSummary, Supplier<OperationHandle>> action, String done) {
        List<ContainerSummary> selected = List.copyOf(grid.getSelectedItems());
        actAll(selected.stream().map(action).toList(), done + " " + names(selected));
    }

    private static String names(List<ContainerSummary> list) {
        return list.stream().map(ContainerSummary::name).sorted().collect(Collectors.joining(", "));
    }

    void confirmKill(List<ContainerSummary> targets) {
        ConfirmAction.ask("Kill " + (targets.size() == 1 ? targets.get(0).name() : targets.size() + " containers") + "?",
                "The processes of " + names(targets) + " get SIGKILL now, with no chance to finish their work.", "Kill",
                () -> actAll(targets.stream().<Supplier<OperationHandle>>map(c -> () -> actions.kill(c.id(), c.name())).toList(),
                        "Killed " + names(targets)));
    }

    void confirmRemove(List<ContainerSummary> targets) {
        boolean anyRunning = targets.stream().anyMatch(c -> c.running() || c.paused());
        ConfirmAction.ask("Remove " + (targets.size() == 1 ? targets.get(0).name() : targets.size() + " containers") + "?",
                names(targets) + " will be deleted with their anonymous volumes; named volumes stay."
                        + (anyRunning ? " Running ones are killed first." : ""),
                "Remove",
                () -> actAll(targets.stream().<Supplier<OperationHandle>>map(c -> () -> actions.remove(c.id(), c.name(), true, true))
                        .toList(), "Removed " + names(targets)));
    }

    private void rename(ContainerSummary c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + c.name());
        TextField name = new TextField("New name");
        name.setValue(c.name());
        name.setWidthFull();
        dialog.add(name);
        Button save = new Button("Rename", click -> {
            act(() -> actions.rename(c.id(), c.name(), name.getValue().trim()), "Renamed " + c.name() + " to " + name.getValue().trim());
            dialog.close();
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }
}
