package io.miniman.compose.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;

import io.miniman.Subscription;
import io.miniman.compose.StackActions;
import io.miniman.compose.StackEvents;
import io.miniman.compose.StackService;
import io.miniman.compose.StackSummary;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/** Stacks: every folder under the stacks folder, its state rolled up from the engine, live. */
@Route(value = "docker/stacks", layout = MainLayout.class)
@PageTitle("Stacks · Mini Manager")
@Menu(title = "Stacks", order = 39, icon = "vaadin:stack")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class StacksView extends VerticalLayout {

    private final StackService stacks;
    private final StackEvents events;
    final Grid<StackSummary> grid = new Grid<>();
    final Button create = new Button("New stack", VaadinIcon.PLUS.create());
    final Span problem = new Span();

    public StacksView(StackService stacks, StackActions actions, StackEvents events) {
        this.stacks = stacks;
        this.events = events;
        setSizeFull();
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(CurrentUser.hasRole(Roles.ADMIN));
        create.addClickListener(click -> new NewStackDialog(actions, name -> UI.getCurrent().navigate(StackView.class, name)).open());
        grid.addComponentColumn(s -> new RouterLink(s.name(), StackView.class, s.name())).setHeader("Name").setFlexGrow(2)
                .setComparator(StackSummary::name);
        grid.addComponentColumn(s -> StatusBadge.of(s.stateText(), s.state().badge())).setHeader("State").setAutoWidth(true);
        grid.addColumn(s -> String.join(", ", s.services())).setHeader("Services").setFlexGrow(2);
        grid.addColumn(StackSummary::lastOperation).setHeader("Last operation").setFlexGrow(2);
        PhoneRows.of(grid, "Stack", StackSummary::name).link(s -> RouteConfiguration.forSessionScope().getUrl(StackView.class, s.name()))
                .badge(StackSummary::stateText, s -> s.state().badge()).fact(s -> String.join(", ", s.services()))
                .fact(StackSummary::lastOperation).install();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        problem.getElement().getThemeList().add("badge error");
        problem.setVisible(false);
        add(new H2("Stacks"), new ComposeCliInfo(stacks), problem, create, grid);
        expand(grid);
        LiveUpdates.whileAttached(this, this::follow);
    }

    private Subscription follow(UI ui) {
        Subscription subscription = StackRefresh.follow(events, ui, stack -> true, this::refresh);
        refresh();
        return subscription;
    }

    void refresh() {
        try {
            List<StackSummary> list = stacks.list();
            grid.setItems(list);
            problem.setVisible(false);
        } catch (RuntimeException e) {
            problem.setText("Cannot read the stacks folder: " + e.getMessage());
            problem.setVisible(true);
        }
    }
}
