package io.miniman.docker.container.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.DockerFailure;
import io.miniman.docker.DockerProperties;
import io.miniman.docker.container.ContainerActions;
import io.miniman.docker.container.ContainerDetails;
import io.miniman.docker.container.ContainerService;
import io.miniman.docker.ui.DockerPage;
import io.miniman.docker.ui.JsonPanel;
import io.miniman.docker.validation.DockerPatterns;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.MainLayout;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/**
 * One container: Overview, Logs, Console, Stats and Inspect. Only the selected tab is attached, so the
 * streams of the others (log follow, stats, terminal) are closed.
 */
@Route(value = "docker/container", layout = MainLayout.class)
@PageTitle("Container · Mini Manager")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ContainerView extends DockerPage implements HasUrlParameter<String> {

    /** Longer than any name a person types or the engine's 64-character ids. */
    private static final int MAX_ID_LENGTH = 128;

    private final ContainerService containers;
    private final ContainerActions actions;
    private final int logCapacity;

    final H2 title = new H2();
    final Div badge = new Div();
    final Button start = new Button("Start");
    final Button stop = new Button("Stop");
    final Button restart = new Button("Restart");
    final Button remove = new Button("Remove");
    final Tabs tabs = new Tabs();
    final Div content = new Div();
    final Span gone = new Span();
    private final Map<Tab, Supplier<Component>> factories = new LinkedHashMap<>();
    private final Map<Tab, Component> made = new LinkedHashMap<>();
    private final OverviewTab overview = new OverviewTab();
    private String id;
    private ContainerDetails details;

    public ContainerView(DockerEngine engine, DockerEvents events, ContainerService containers, ContainerActions actions,
                         DockerProperties properties) {
        super(engine, events, Set.of("container"));
        this.containers = containers;
        this.actions = actions;
        this.logCapacity = properties.logBufferLines();

        start.addClickListener(click -> act(() -> actions.start(id, name()), "Started " + name()));
        stop.addClickListener(click -> act(() -> actions.stop(id, name(), ContainerActions.STOP_TIMEOUT), "Stopped " + name()));
        restart.addClickListener(click -> act(() -> actions.restart(id, name(), ContainerActions.STOP_TIMEOUT), "Restarted " + name()));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> ConfirmAction.ask("Remove " + name() + "?",
                name() + " will be deleted with its anonymous volumes; named volumes stay."
                        + (details != null && details.running() ? " It is running and will be killed first." : ""),
                "Remove", () -> act(() -> actions.remove(id, name(), true, true), "Removed " + name())));
        FlexLayout buttons = new FlexLayout(start, stop, restart, remove);
        buttons.getStyle().set("gap", "var(--lumo-space-s)");
        buttons.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        buttons.setVisible(canAct());
        FlexLayout header = new FlexLayout(new RouterLink("Containers", ContainersView.class), title, badge);
        header.setAlignItems(Alignment.BASELINE);
        header.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        header.getStyle().set("gap", "var(--lumo-space-m)");
        content.setWidthFull();
        // as wide as the page, not as its tabs: on a phone the tabs scroll inside it
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> showTab(e.getSelectedTab()));
        add(header, buttons, gone, tabs, content);
    }

    @Override
    public void setParameter(BeforeEvent event, String containerId) {
        // the address bar is user input: only an id or a name the engine could hold ever reaches it
        this.id = DockerPatterns.validName(containerId) && containerId.length() <= MAX_ID_LENGTH ? containerId : null;
        factories.clear();
        made.clear();
        tabs.removeAll();
        tab("Overview", () -> overview);
        tab("Logs", () -> new LogsTab(containers, id, name(), logCapacity, details.running()));
        if (canAct()) {
            tab("Console", () -> new ConsoleTab(actions, id, name()));
        }
        tab("Stats", () -> new StatsTab(containers, id));
        tab("Inspect", () -> {
            JsonPanel json = new JsonPanel();
            read(() -> containers.inspectJson(id)).ifPresent(json::show);
            return json;
        });
        tabs.setSelectedIndex(0);
        showTab(tabs.getSelectedTab());
    }

    private void tab(String label, Supplier<Component> factory) {
        Tab tab = new Tab(label);
        factories.put(tab, factory);
        tabs.add(tab);
    }

    /** Switching tabs detaches the previous one: that is what closes its streams. */
    void showTab(Tab tab) {
        content.removeAll();
        if (tab != null && details != null) {
            content.add(made.computeIfAbsent(tab, t -> factories.get(t).get()));
        }
    }

    public void select(String label) {
        factories.keySet().stream().filter(t -> t.getLabel().equals(label)).findFirst().ifPresent(tabs::setSelectedTab);
    }

    private ContainerDetails find(String containerId) {
        try {
            return containers.details(containerId);
        } catch (DockerFailure e) {
            if (e.notFound()) {
                return null;
            }
            throw e;
        }
    }

    private String name() {
        return details == null ? id : details.name();
    }

    @Override
    protected void refresh() {
        details = id == null ? null : find(id);
        if (details == null) {
            gone.setText(id == null ? "No such container." : "Container " + id + " no longer exists.");
            title.setText(id == null ? "Not found" : id);
            badge.removeAll();
            content.removeAll();
            tabs.setVisible(false);
            start.setEnabled(false);
            stop.setEnabled(false);
            restart.setEnabled(false);
            remove.setEnabled(false);
            return;
        }
        boolean firstLoad = content.getChildren().findAny().isEmpty();
        title.setText(details.name());
        badge.removeAll();
        badge.add(StatusBadge.of(details.state(), ContainersView.stateTheme(details.state())));
        overview.show(details);
        start.setEnabled(!details.running() && !"paused".equals(details.state()));
        stop.setEnabled(details.running());
        restart.setEnabled(details.running());
        if (firstLoad) {
            showTab(tabs.getSelectedTab());
        }
    }
}
