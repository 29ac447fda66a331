package io.miniman.docker.volume.ui;

import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.container.SpecText;
import io.miniman.docker.ui.DockerPage;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.ui.VolumeBackupDialog;
import io.miniman.docker.volume.VolumeActions;
import io.miniman.docker.volume.VolumeService;
import io.miniman.docker.volume.VolumeSpec;
import io.miniman.docker.volume.VolumeSummary;
import io.miniman.security.Roles;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import jakarta.annotation.security.RolesAllowed;

/** Volumes: name, driver, mount point, size, users; create, remove, prune, inspect. */
@Route(value = "docker/volumes", layout = MainLayout.class)
@PageTitle("Volumes · Mini Manager")
@Menu(title = "Volumes", order = 42, icon = "vaadin:database")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class VolumesView extends DockerPage {

    private final VolumeService volumes;
    private final VolumeActions actions;
    final Grid<VolumeSummary> grid = new Grid<>();
    final Button create = new Button("Create volume", VaadinIcon.PLUS.create());
    final Button prune = new Button("Prune unused");
    final Button restore = new Button("Restore", VaadinIcon.UPLOAD.create());
    private final TransferActions transfers;

    public VolumesView(DockerEngine engine, DockerEvents events, VolumeService volumes, VolumeActions actions,
            TransferActions transfers) {
        super(engine, events, Set.of("volume", "container"));
        this.volumes = volumes;
        this.actions = actions;
        this.transfers = transfers;
        restore.addClickListener(click -> new VolumeBackupDialog(transfers, "", true).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createDialog());
        prune.addThemeVariants(ButtonVariant.LUMO_ERROR);
        prune.addClickListener(click -> {
            String unused = String.join(", ", grid.getListDataView().getItems().filter(v -> v.usedBy().isEmpty())
                    .map(VolumeSummary::name).toList());
            ConfirmAction.ask("Prune unused volumes?", "Deleted with their data: " + (unused.isEmpty() ? "none right now" : unused) + ".",
                    "Prune", () -> act(actions::prune, update -> "Pruned unused volumes: " + update.result()));
        });
        FlexLayout toolbar = new FlexLayout(create, restore, prune);
        toolbar.getStyle().set("gap", "var(--lumo-space-s)");
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.setVisible(canAct());

        grid.addColumn(VolumeSummary::name).setHeader("Name").setFlexGrow(2).setSortable(true);
        grid.addColumn(VolumeSummary::driver).setHeader("Driver").setAutoWidth(true);
        grid.addColumn(VolumeSummary::mountpoint).setHeader("Mount point").setFlexGrow(2);
        grid.addColumn(VolumesView::size).setHeader("Size").setAutoWidth(true);
        grid.addColumn(v -> String.join(", ", v.usedBy())).setHeader("Used by").setFlexGrow(1);
        PhoneRows.of(grid, "Volume", VolumeSummary::name).fact(VolumesView::size).fact(VolumeSummary::driver)
                .fact(v -> v.usedBy().isEmpty() ? "unused" : "used by " + String.join(", ", v.usedBy())).install();
        grid.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        add(new H2("Volumes"), toolbar, grid);
        expand(grid);
    }

    @Override
    protected void refresh() {
        grid.setItems(volumes.list());
    }

    private static String size(VolumeSummary volume) {
        return volume.sizeBytes() < 0 ? "–" : Formats.bytes(volume.sizeBytes());
    }

    private MenuBar rowMenu(VolumeSummary volume) {
        return RowMenu.of(volume.name(), items -> {
            items.addItem("Inspect", click -> openInspect(volume.name(), () -> volumes.inspectJson(volume.name())));
            if (canAct()) {
                items.addItem("Back up / restore", click -> new VolumeBackupDialog(transfers, volume.name(), false).open());
                items.addItem("Remove", click -> ConfirmAction.ask("Remove volume " + volume.name() + "?",
                        "The volume " + volume.name() + " and all its data are deleted.", "Remove",
                        () -> act(() -> actions.remove(volume.name()), "Removed " + volume.name())));
            }
        });
    }

    private void createDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create a volume");
        TextField name = new TextField("Name (empty: generated)");
        TextField driver = new TextField("Driver");
        driver.setValue("local");
        TextArea options = new TextArea("Driver options (key=value a line)");
        TextArea labels = new TextArea("Labels (key=value a line)");
        Div problem = new Div();
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        dialog.add(new FormLayout(name, driver, options, labels), problem);
        FieldErrors errors = new FieldErrors().bind("name", name).bind("driver", driver).bind("options", options)
                .bind("options<K>", options);
        Button save = new Button("Create", click -> {
            try {
                VolumeSpec spec = new VolumeSpec(name.getValue(), driver.getValue(), SpecText.keyValues(options.getValue(), "Option"),
                        SpecText.keyValues(labels.getValue(), "Label"));
                problem.setText("");
                if (act(() -> actions.create(spec), "Created volume " + spec.name(), errors)) {
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
