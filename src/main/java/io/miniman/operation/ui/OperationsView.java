package io.miniman.operation.ui;

import io.miniman.Subscription;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.operation.export.OperationExport;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.security.UserService;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every operation, newest first, live: rows appear and change as the engine publishes transitions, unless
 * the reader paused the stream to read. A timeline shows the same filter as bars along time.
 * {@code ?show=<id>} opens one operation (the dashboard's findings link their evidence so).
 */
@Route(value = "operations", layout = MainLayout.class)
@PageTitle("Operations · Mini Manager")
@Menu(title = "Operations", order = 90, icon = "vaadin:list")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class OperationsView extends VerticalLayout implements BeforeEnterObserver {

    private final OperationService operations;
    private final OperationEvents events;
    private final UserService users;
    private final Clock clock;

    final OperationFilters filters = new OperationFilters(this::filterChanged);
    final Grid<OperationUpdate> grid = new Grid<>();
    final OperationTimeline timeline = new OperationTimeline();
    final Button follow = new Button();
    final Span missed = new Span();
    final Tabs mode = new Tabs(new Tab("List"), new Tab("Timeline"));
    private final ExportLinks exports;
    private final CallbackDataProvider<OperationUpdate, Void> data;
    // ids the grid has shown: an update for any other id is a new row, which needs a reload of the page
    private final Set<Long> known = new HashSet<>();
    // captured while the request that opened the view is current (see shown)
    private final Optional<OperationReader> reader = OperationReader.current();
    private boolean following = true;
    private int missedUpdates;
    private OperationDialog dialog;

    public OperationsView(OperationService operations, OperationEvents events, UserService users, OperationExport export,
            Clock clock) {
        this.operations = operations;
        this.events = events;
        this.users = users;
        this.clock = clock;
        this.exports = new ExportLinks(export, reader);
        setSizeFull();

        grid.addColumn(op -> Formats.time(op.startTime())).setHeader("Started").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(op -> StatusBadge.of(op.status().label(), theme(op.status())))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(op -> op.type().label()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OperationUpdate::name).setHeader("Operation").setFlexGrow(1);
        grid.addColumn(OperationUpdate::target).setHeader("Target").setFlexGrow(1);
        grid.addColumn(OperationUpdate::user).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(op -> op.duration().map(Formats::duration).orElse("…")).setHeader("Duration")
                .setAutoWidth(true).setFlexGrow(0);
        // the row's dialog has the rest
        PhoneRows.of(grid, "Operation", OperationUpdate::name).badge(op -> op.status().label(), op -> theme(op.status()))
                .fact(OperationUpdate::target).fact(op -> Formats.time(op.startTime()) + " · " + op.user()).install();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addItemClickListener(click -> openDetails(click.getItem()));

        data = new CallbackDataProvider<>(
                query -> {
                    var page = operations.list(filter(), query.getOffset(), query.getLimit());
                    page.forEach(op -> known.add(op.id()));
                    return page.stream().map(this::shown);
                },
                query -> (int) Math.min(Integer.MAX_VALUE, operations.count(filter())),
                OperationUpdate::id);
        grid.setItems(data);

        follow.addClickListener(click -> setFollowing(!following));
        follow.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        missed.getElement().getThemeList().add("badge contrast");
        setFollowing(true);
        timeline.setVisible(false);
        mode.addSelectedChangeListener(e -> showMode());
        HorizontalLayout bar = new HorizontalLayout(mode, follow, missed, exports);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("flex-wrap", "wrap");
        exports.follow(this::filter);

        add(new H2("Operations"), filters, bar, grid, timeline);
        expand(grid);
        LiveUpdates.whileAttached(this, this::subscribe);
    }

    OperationFilter filter() {
        return filters.filter();
    }

    boolean timelineShown() {
        return timeline.isVisible();
    }

    static String theme(OperationStatus status) {
        return switch (status) {
            case PENDING -> "contrast";
            case RUNNING -> "";
            case COMPLETED -> "success";
            case FAILED -> "error";
        };
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("show").flatMap(OperationsView::parseId)
                .flatMap(operations::find).ifPresent(this::openDetails);
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void filterChanged() {
        exports.follow(this::filter);
        refresh();
    }

    private void refresh() {
        data.refreshAll();
        if (timeline.isVisible()) {
            timeline.show(operations.list(filter(), 0, OperationTimeline.LIMIT).stream().map(this::shown).toList(),
                    clock.instant());
        }
    }

    private void showMode() {
        boolean asTimeline = mode.getSelectedIndex() == 1;
        timeline.setVisible(asTimeline);
        grid.setVisible(!asTimeline);
        refresh();
    }

    /** Paused, the rows stay still for reading; what arrived meanwhile is counted and shown on resume. */
    void setFollowing(boolean on) {
        following = on;
        follow.setText(on ? "Pause" : "Follow");
        follow.setIcon(on ? VaadinIcon.PAUSE.create() : VaadinIcon.PLAY.create());
        if (on && missedUpdates > 0) {
            missedUpdates = 0;
            refresh();
        }
        missed.setVisible(false);
    }

    private void openDetails(OperationUpdate op) {
        dialog = new OperationDialog(op);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && dialog == e.getSource()) {
                dialog = null;
            }
        });
        dialog.open();
    }

    /** The feed and a refresh after a push run without this user's request: the reader is the one who opened the view. */
    private OperationUpdate shown(OperationUpdate row) {
        return reader.map(r -> r.shown(row)).orElse(row);
    }

    private Subscription subscribe(UI ui) {
        CurrentUser.name().ifPresent(users::markOperationsSeen);
        return events.subscribe(update -> ui.access(() -> apply(shown(update))));
    }

    private void apply(OperationUpdate update) {
        // the open dialog follows its operation even while the list is paused
        if (dialog != null && dialog.operationId() == update.id()) {
            dialog.show(update);
        }
        if (!following) {
            missedUpdates++;
            missed.setText(missedUpdates + " new");
            missed.setVisible(true);
            return;
        }
        if (timeline.isVisible()) {
            // progress lines repeat a running state; the bars change only with a new row or a new status
            boolean changed = timeline.shown().stream().noneMatch(op -> op.id() == update.id() && op.status() == update.status());
            if (changed) {
                refresh();
            }
        } else if (known.contains(update.id())) {
            data.refreshItem(update);
        } else {
            data.refreshAll();
        }
    }
}
