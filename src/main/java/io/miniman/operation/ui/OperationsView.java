package io.miniman.operation.ui;

import io.miniman.Subscription;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationFilter;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationService;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.CurrentUser;
import io.miniman.security.Roles;
import io.miniman.security.UserService;
import io.miniman.ui.Formats;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.NarrowScreen;
import io.miniman.ui.StatusBadge;
import jakarta.annotation.security.RolesAllowed;

/** Every operation, newest first, live: rows appear and change as the engine publishes transitions. */
@Route("operations")
@PageTitle("Operations · Mini Manager")
@Menu(title = "Operations", order = 90, icon = "vaadin:list")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class OperationsView extends VerticalLayout {

    private final OperationService operations;
    private final OperationEvents events;
    private final UserService users;

    final Grid<OperationUpdate> grid = new Grid<>();
    final ComboBox<OperationType> type = new ComboBox<>("Type");
    final ComboBox<OperationStatus> status = new ComboBox<>("Status");
    final TextField user = new TextField("User");
    final DateTimePicker from = new DateTimePicker("From");
    final DateTimePicker to = new DateTimePicker("To");
    final TextField text = new TextField("Search");
    private final CallbackDataProvider<OperationUpdate, Void> data;
    // ids the grid has shown: an update for any other id is a new row, which needs a reload of the page
    private final Set<Long> known = new HashSet<>();
    // captured while the request that opened the view is current (see shown)
    private final Optional<OperationReader> reader = OperationReader.current();

    public OperationsView(OperationService operations, OperationEvents events, UserService users) {
        this.operations = operations;
        this.events = events;
        this.users = users;
        setSizeFull();

        type.setItems(OperationType.values());
        type.setItemLabelGenerator(OperationType::label);
        status.setItems(OperationStatus.values());
        status.setItemLabelGenerator(OperationStatus::label);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        type.setClearButtonVisible(true);
        status.setClearButtonVisible(true);
        text.setWidthFull();
        text.setPlaceholder("Operation, target, result or error");
        // on a phone the search stays in view and the other filters fold away
        FlexLayout more = new FlexLayout(type, status, user, from, to);
        more.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        more.getStyle().set("gap", "var(--lumo-space-s)");
        type.setWidth("min(100%, 12rem)");
        status.setWidth("min(100%, 12rem)");
        user.setWidth("min(100%, 12rem)");
        from.setWidth("min(100%, 20rem)");
        to.setWidth("min(100%, 20rem)");
        Details filters = new Details("More filters", more);

        var started = grid.addColumn(op -> Formats.time(op.startTime())).setHeader("Started").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(op -> StatusBadge.of(op.status().label(), theme(op.status())))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        var kind = grid.addColumn(op -> op.type().label()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OperationUpdate::name).setHeader("Operation").setFlexGrow(1);
        var target = grid.addColumn(OperationUpdate::target).setHeader("Target").setFlexGrow(1);
        var by = grid.addColumn(OperationUpdate::user).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        var took = grid.addColumn(op -> op.duration().map(Formats::duration).orElse("…")).setHeader("Duration")
                .setAutoWidth(true).setFlexGrow(0);
        // a phone keeps status and operation; the row's dialog has the rest
        NarrowScreen.hideColumns(grid, List.of(started, kind, target, by, took));
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
        type.addValueChangeListener(e -> data.refreshAll());
        status.addValueChangeListener(e -> data.refreshAll());
        user.addValueChangeListener(e -> data.refreshAll());
        from.addValueChangeListener(e -> data.refreshAll());
        to.addValueChangeListener(e -> data.refreshAll());
        text.addValueChangeListener(e -> data.refreshAll());

        add(new H2("Operations"), text, filters, grid);
        expand(grid);
        LiveUpdates.whileAttached(this, this::follow);
    }

    OperationFilter filter() {
        ZoneId zone = ZoneId.systemDefault();
        return new OperationFilter(type.getValue(), status.getValue(), user.getValue(),
                from.getValue() == null ? null : from.getValue().atZone(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().atZone(zone).toInstant(), text.getValue());
    }

    static String theme(OperationStatus status) {
        return switch (status) {
            case PENDING -> "contrast";
            case RUNNING -> "";
            case COMPLETED -> "success";
            case FAILED -> "error";
        };
    }

    private void openDetails(OperationUpdate op) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(op.name() + (op.target() == null ? "" : " · " + op.target()));
        dialog.setWidth("min(40rem, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        body.add(new Paragraph(op.type().label() + " · " + op.status().label() + " · by " + op.user()
                + " · started " + Formats.time(op.startTime())
                + op.duration().map(d -> " · took " + Formats.duration(d)).orElse("")));
        section(body, "Result", op.result());
        section(body, "Error", op.errorMessage());
        section(body, "Details", op.details());
        dialog.add(body);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    private static void section(VerticalLayout body, String title, String value) {
        if (value != null && !value.isBlank()) {
            Pre pre = new Pre(value);
            pre.addClassName("miniman-pre");
            body.add(new Div(new com.vaadin.flow.component.html.H4(title), pre));
        }
    }

    /** The feed and a refresh after a push run without this user's request: the reader is the one who opened the view. */
    private OperationUpdate shown(OperationUpdate row) {
        return reader.map(r -> r.shown(row)).orElse(row);
    }

    private Subscription follow(UI ui) {
        CurrentUser.name().ifPresent(users::markOperationsSeen);
        return events.subscribe(update -> ui.access(() -> {
            if (known.contains(update.id())) {
                data.refreshItem(shown(update));
            } else {
                data.refreshAll();
            }
        }));
    }
}
