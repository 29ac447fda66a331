package io.miniman.compose.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

import io.miniman.Subscription;
import io.miniman.compose.StackActions;
import io.miniman.compose.StackContainer;
import io.miniman.compose.StackDetail;
import io.miniman.compose.StackDraft;
import io.miniman.compose.StackEvents;
import io.miniman.compose.StackLogs;
import io.miniman.compose.StackRevisions;
import io.miniman.compose.StackService;
import io.miniman.compose.StackText;
import io.miniman.docker.container.ui.ContainerView;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.StatusBadge;
import io.miniman.ui.PhoneRows;
import jakarta.annotation.security.RolesAllowed;

/** One stack: its actions with compose's live output, its containers, its files, its logs and its history. */
@Route(value = "docker/stack", layout = MainLayout.class)
@PageTitle("Stack · Mini Manager")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class StackView extends VerticalLayout implements HasUrlParameter<String> {

    private final StackService stacks;
    private final StackActions actions;
    private final StackRevisions revisions;
    private final StackLogs logs;
    private final StackEvents events;
    final H2 title = new H2();
    final Div badge = new Div();
    final FlexLayout buttons = new FlexLayout();
    final Span gone = new Span();
    final Grid<StackContainer> containers = new Grid<>();
    final TabSheet tabs = new TabSheet();
    final OperationOutput output;
    StackFilesTab files;
    StackHistoryTab history;
    private String name;
    private StackDetail detail;
    Checkbox downVolumes;
    TextField downTyped;

    public StackView(StackService stacks, StackActions actions, StackRevisions revisions, StackLogs logs, StackEvents events,
            OperationEvents operations) {
        this.stacks = stacks;
        this.actions = actions;
        this.revisions = revisions;
        this.logs = logs;
        this.events = events;
        this.output = new OperationOutput(operations);
        setWidthFull();
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        FlexLayout header = new FlexLayout(new RouterLink("Stacks", StacksView.class), title, badge);
        header.setAlignItems(Alignment.BASELINE);
        header.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        header.getStyle().set("gap", "var(--lumo-space-m)");
        gone.getElement().getThemeList().add("badge error");
        gone.setVisible(false);
        containers.addColumn(StackContainer::service).setHeader("Service").setAutoWidth(true);
        containers.addComponentColumn(c -> new RouterLink(c.name(), ContainerView.class, c.id())).setHeader("Container").setFlexGrow(1);
        containers.addComponentColumn(c -> StatusBadge.of(c.state(), c.running() ? "success" : "")).setHeader("State").setAutoWidth(true);
        containers.addColumn(StackContainer::status).setHeader("Status").setAutoWidth(true);
        PhoneRows.of(containers, "Container", StackContainer::name)
                .link(c -> RouteConfiguration.forSessionScope().getUrl(ContainerView.class, c.id()))
                .badge(StackContainer::state, c -> c.running() ? "success" : "").fact(c -> "service " + c.service())
                .fact(StackContainer::status).install();
        containers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        containers.setAllRowsVisible(true);
        tabs.setWidthFull();
        add(header, gone, buttons, output, tabs);
        LiveUpdates.whileAttached(this, this::follow);
    }

    @Override
    public void setParameter(BeforeEvent event, String stack) {
        this.name = stack != null && stack.matches(StackDraft.NAME_PATTERN) ? stack : "";
        title.setText(name);
        boolean admin = CurrentUser.hasRole(Roles.ADMIN);
        buttons.removeAll();
        if (CurrentUser.hasAnyRole(Roles.ADMIN, Roles.OPERATOR)) {
            for (StackActions.Verb verb : List.of(StackActions.Verb.UP, StackActions.Verb.STOP, StackActions.Verb.START,
                    StackActions.Verb.RESTART, StackActions.Verb.PULL, StackActions.Verb.RECREATE)) {
                Button button = new Button(verb.label(), click -> start(verb.label(), () -> actions.run(name, verb)));
                if (verb == StackActions.Verb.UP) {
                    button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                }
                buttons.add(button);
            }
            Button down = new Button("Down…", click -> askDown());
            down.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(down);
        }
        if (admin) {
            Button delete = new Button("Delete…", click -> ConfirmAction.ask("Delete stack " + name + "?",
                    "Its folder (compose.yaml, .env) and its history are deleted. A stack that still has containers is refused: take it down first.",
                    "Delete", () -> start("Delete", () -> actions.delete(name))));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(delete);
        }
        files = new StackFilesTab(name, admin, actions, this::finished);
        history = new StackHistoryTab(name, admin, revisions, actions, this::currentText, this::finished);
        while (tabs.getTabCount() > 0) {
            tabs.remove(0);
        }
        tabs.add("Services", containers);
        tabs.add("Compose file", files);
        Div logsHolder = new Div();
        logsHolder.setWidthFull();
        var logsTab = tabs.add("Logs", logsHolder);
        tabs.add("History", history);
        refresh();
        tabs.addSelectedChangeListener(e -> {
            // the logs follow while they are shown: a new panel per visit, detached (and closed) when left
            logsHolder.removeAll();
            if (e.getSelectedTab() == logsTab) {
                logsHolder.add(new StackLogsPanel(logs, name, serviceNames()));
            }
        });
        tabs.setSelectedIndex(0);
    }

    private Subscription follow(UI ui) {
        return StackRefresh.follow(events, ui, name::equals, this::refreshState);
    }

    void refresh() {
        refreshState();
        if (detail != null) {
            files.show(detail);
        }
    }

    /** The state and containers only: the editor keeps what the user is typing. */
    void refreshState() {
        try {
            detail = stacks.detail(name);
            gone.setVisible(false);
            tabs.setVisible(true);
        } catch (RuntimeException e) {
            detail = null;
            gone.setText("Stack '" + name + "' cannot be read: " + e.getMessage());
            gone.setVisible(true);
            tabs.setVisible(false);
            return;
        }
        badge.removeAll();
        badge.add(StatusBadge.of(detail.summary().stateText(), detail.summary().state().badge()));
        containers.setItems(detail.containers());
        history.refresh();
    }

    private List<String> serviceNames() {
        return detail == null ? List.of() : new ArrayList<>(detail.summary().services());
    }

    private StackText currentText() {
        return detail == null ? new StackText("", "") : detail.text();
    }

    private void start(String what, Supplier<OperationHandle> action) {
        OperationHandle handle = Submit.run(action, Map.of(), refused -> { }, this::finished);
        if (handle != null) {
            output.follow(handle.id(), what + " " + name);
        }
    }

    private void finished(OperationUpdate update) {
        output.show(update);
        if (update.name().equals("Delete stack") && update.status() == OperationStatus.COMPLETED) {
            UI.getCurrent().navigate(StacksView.class);
            return;
        }
        refresh();
    }

    /** Down keeps volumes unless asked; removing them (the stack's data) needs the stack's name typed. */
    void askDown() {
        Checkbox volumes = new Checkbox("Also remove the stack's named volumes and their data");
        TextField typed = new TextField("Type the stack's name to remove its volumes");
        downVolumes = volumes;
        downTyped = typed;
        typed.setVisible(false);
        volumes.addValueChangeListener(e -> typed.setVisible(e.getValue()));
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader("Take " + name + " down?");
        dialog.add(new VerticalLayout(new Span("Its containers and networks are removed; its files stay."), volumes, typed));
        dialog.setCancelable(true);
        dialog.setConfirmText("Down");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirm -> {
            if (volumes.getValue() && !name.equals(typed.getValue().trim())) {
                Submit.error("Nothing was taken down: the typed name did not match '" + name + "'.");
                return;
            }
            start("Down", () -> actions.down(name, volumes.getValue()));
        });
        dialog.open();
    }
}
