package io.miniman.system.service.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.InvalidInputException;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.security.Roles;
import io.miniman.system.service.ServiceActions;
import io.miniman.system.service.ServiceActions.UnitAction;
import io.miniman.system.service.ServiceMonitor;
import io.miniman.system.service.ServicesSnapshot;
import io.miniman.system.service.UnitStatus;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/**
 * The box's own services (hostapd, dnsmasq, nginx, ...) as systemd reports them, live by push; start,
 * stop, restart, enable and disable as the user's role allows, and each unit's journal.
 */
@Route(value = "system/services", layout = MainLayout.class)
@PageTitle("Services · Mini Manager")
@Menu(title = "Services", order = 30, icon = "vaadin:cogs")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ServicesView extends VerticalLayout {

    private final ServiceActions actions;
    private final Clock clock;
    final Grid<UnitStatus> grid = new Grid<>();
    final Span problem = new Span();
    private final Set<UnitAction> permitted = ServiceActions.permitted();

    public ServicesView(ServiceMonitor monitor, ServiceActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
        setSizeFull();
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        grid.addComponentColumn(this::nameCell).setHeader("Service").setFlexGrow(3);
        grid.addColumn(u -> u.mainPid() > 0 ? Long.toString(u.mainPid()) : "–").setHeader("Main PID").setAutoWidth(true);
        grid.addColumn(u -> u.memoryBytes() >= 0 ? Formats.bytes(u.memoryBytes()) : "–").setHeader("Memory").setAutoWidth(true);
        grid.addColumn(ServicesView::cpu).setHeader("CPU").setAutoWidth(true);
        PhoneRows.of(grid, "Service", UnitStatus::name).badge(ServicesView::state, ServicesView::theme)
                .fact(u -> u.found() ? fileState(u) : "").fact(this::since).install();
        grid.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        add(new H2("Services"), problem, grid);
        expand(grid);

        show(monitor.current());
        LiveUpdates.whileAttached(this, ui -> monitor.subscribe(snapshot -> ui.accessLater(() -> show(snapshot), null).run()));
    }

    void show(ServicesSnapshot snapshot) {
        problem.setText(snapshot.problem() == null ? "" : snapshot.problem());
        problem.setVisible(snapshot.problem() != null);
        grid.setItems(snapshot.units());
    }

    /** The name in full, its state as a badge under it, then since when. */
    private Div nameCell(UnitStatus unit) {
        Span name = new Span(unit.name());
        name.getStyle().set("font-weight", "600").set("overflow-wrap", "anywhere");
        Div badges = new Div(StatusBadge.of(state(unit), theme(unit)));
        if (unit.found()) {
            badges.add(StatusBadge.of(fileState(unit), unit.enabled() ? "contrast" : "contrast small"));
        }
        badges.getStyle().set("display", "flex").set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        Span since = new Span(since(unit));
        since.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(name, badges, since);
        cell.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)");
        return cell;
    }

    private static String fileState(UnitStatus unit) {
        return unit.enabled() ? "enabled" : unit.unitFileState().isEmpty() ? "no unit file" : unit.unitFileState();
    }

    private String since(UnitStatus unit) {
        return unit.since() == null ? unit.description()
                : "since " + Formats.time(unit.since()) + " (" + Formats.duration(Duration.between(unit.since(), clock.instant())) + ")";
    }

    static String state(UnitStatus unit) {
        return unit.found() ? unit.activeState() + " (" + unit.subState() + ")" : "not installed";
    }

    private static String theme(UnitStatus unit) {
        return switch (unit.activeState()) {
            case "active" -> "success";
            case "failed" -> "error";
            case "activating", "deactivating", "reloading" -> "";
            default -> "contrast";
        };
    }

    private static String cpu(UnitStatus unit) {
        return unit.cpuPercent() >= 0 ? String.format(Locale.ROOT, "%.1f %%", unit.cpuPercent())
                : unit.cpuNanos() >= 0 ? Formats.duration(Duration.ofNanos(unit.cpuNanos())) : "–";
    }

    private MenuBar rowMenu(UnitStatus unit) {
        return RowMenu.of(unit.name(), items -> {
            items.addItem("Journal", click -> UI.getCurrent().navigate(UnitJournalView.class, unit.name()));
            if (unit.found()) {
                for (UnitAction action : offered(unit)) {
                    items.addItem(action.label(), click -> ask(action, unit));
                }
            }
        });
    }

    /** What makes sense in the unit's state, of what the user's role allows. */
    List<UnitAction> offered(UnitStatus unit) {
        return List.of(UnitAction.values()).stream().filter(permitted::contains).filter(action -> switch (action) {
            case START -> !unit.running();
            case STOP -> unit.running();
            case RESTART -> true;
            case ENABLE -> !unit.enabled();
            case DISABLE -> unit.enabled();
        }).toList();
    }

    private void ask(UnitAction action, UnitStatus unit) {
        String name = unit.name();
        switch (action) {
            case START -> act(() -> actions.start(name), "Started " + name);
            case RESTART -> act(() -> actions.restart(name), "Restarted " + name);
            case ENABLE -> act(() -> actions.enable(name), name + " now starts at boot");
            case DISABLE -> ConfirmAction.ask("Disable " + name + "?", name + " will no longer start when the box boots"
                    + (ServiceActions.cutsConnection(name) ? ": after the next reboot you cannot reach the console through it." : "."),
                    "Disable", () -> act(() -> actions.disable(name), name + " no longer starts at boot"));
            case STOP -> {
                if (ServiceActions.cutsConnection(name)) {
                    new StopConfirmDialog(name, typed -> act(() -> actions.stop(name, typed), "Stopped " + name)).open();
                } else {
                    ConfirmAction.ask("Stop " + name + "?", name + " stops until it is started again or the box reboots.",
                            "Stop", () -> act(() -> actions.stop(name, null), "Stopped " + name));
                }
            }
        }
    }

    /** Submits the operation and reports its end by push; a refusal (role, bad name, no confirmation) at once. */
    void act(Supplier<OperationHandle> action, String done) {
        UI ui = UI.getCurrent();
        try {
            action.get().completion().thenAccept(update -> ui.accessLater(() -> {
                boolean ok = update.status() == OperationStatus.COMPLETED;
                Notification.show(ok ? done : update.errorMessage(), ok ? 4000 : 8000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            }, null).run());
        } catch (InvalidInputException | AccessDeniedException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
