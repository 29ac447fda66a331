package io.miniman.docker.image.ui;

import java.util.List;
import java.util.Set;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.DockerEngine;
import io.miniman.docker.DockerEvents;
import io.miniman.docker.image.HistoryEntry;
import io.miniman.docker.image.ImageActions;
import io.miniman.docker.image.ImageService;
import io.miniman.docker.image.ImageSummary;
import io.miniman.docker.image.PullSpec;
import io.miniman.docker.image.RegistryAuth;
import io.miniman.docker.image.TagSpec;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.TransferProperties;
import io.miniman.docker.transfer.ui.ImageExportDialog;
import io.miniman.docker.transfer.ui.ImageImportDialog;
import io.miniman.docker.ui.DockerPage;
import io.miniman.docker.ui.JsonPanel;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.security.Roles;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.StatusBadge;
import jakarta.validation.ConstraintViolationException;
import jakarta.annotation.security.RolesAllowed;

/** Images on the engine: pull with a bar per layer, build with a live log, tag, remove, prune, inspect. */
@Route(value = "docker/images", layout = MainLayout.class)
@PageTitle("Images · Mini Manager")
@Menu(title = "Images", order = 41, icon = "vaadin:archive")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
public class ImagesView extends DockerPage {

    private final ImageService images;
    private final ImageActions actions;
    final Grid<ImageSummary> grid = new Grid<>();
    final Button pull = new Button("Pull", VaadinIcon.DOWNLOAD.create());
    final Button build = new Button("Build", VaadinIcon.HAMMER.create());
    final Button importImages = new Button("Import", VaadinIcon.UPLOAD.create());
    final Button exportImages = new Button("Export", VaadinIcon.DOWNLOAD_ALT.create());
    final Button pruneDangling = new Button("Prune dangling");
    final Button pruneUnused = new Button("Prune unused");

    public ImagesView(DockerEngine engine, DockerEvents events, ImageService images, ImageActions actions,
            TransferActions transfers, TransferProperties transferLimits) {
        super(engine, events, Set.of("image", "container"));
        this.images = images;
        this.actions = actions;
        importImages.addClickListener(click -> new ImageImportDialog(transfers, transferLimits.imageLimit(), this::refreshNow).open());
        exportImages.addClickListener(click -> new ImageExportDialog(transfers, grid.getListDataView().getItems()
                .flatMap(i -> i.tags().isEmpty() ? java.util.stream.Stream.of(i.id()) : i.tags().stream()).toList(),
                grid.getSelectedItems().stream().flatMap(i -> i.tags().stream()).toList()).open());

        pull.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pull.addClickListener(click -> new PullDialog().open());
        build.addClickListener(click -> new BuildDialog(images, actions, this::refreshNow).open());
        pruneDangling.addClickListener(click -> ConfirmAction.ask("Prune dangling images?",
                "Every untagged image no container uses is deleted.", "Prune",
                () -> act(() -> actions.prune(false), update -> "Pruned dangling images: " + update.result())));
        pruneUnused.addThemeVariants(ButtonVariant.LUMO_ERROR);
        pruneUnused.addClickListener(click -> ConfirmAction.ask("Prune unused images?",
                "Every image no container uses is deleted, tagged or not: " + unusedNames() + ".", "Prune",
                () -> act(() -> actions.prune(true), update -> "Pruned unused images: " + update.result())));
        FlexLayout toolbar = new FlexLayout(pull, build, importImages, exportImages, pruneDangling, pruneUnused);
        toolbar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        toolbar.getStyle().set("gap", "var(--lumo-space-s)");
        toolbar.setVisible(canAct());

        grid.addColumn(ImageSummary::displayName).setHeader("Repository:tag").setFlexGrow(2).setSortable(true)
                .setComparator(ImageSummary::displayName);
        grid.addColumn(ImageSummary::shortId).setHeader("Id").setAutoWidth(true);
        grid.addColumn(i -> Formats.bytes(i.sizeBytes())).setHeader("Size").setAutoWidth(true)
                .setComparator(ImageSummary::sizeBytes);
        grid.addColumn(i -> Formats.time(i.created())).setHeader("Created").setAutoWidth(true)
                .setComparator(ImageSummary::created);
        grid.addColumn(ImageSummary::usedBy).setHeader("Used by").setAutoWidth(true);
        grid.addComponentColumn(i -> StatusBadge.of(use(i), useTheme(i))).setHeader("").setAutoWidth(true);
        PhoneRows.of(grid, "Image", ImageSummary::displayName).badge(ImagesView::use, ImagesView::useTheme)
                .fact(i -> Formats.bytes(i.sizeBytes())).fact(i -> Formats.time(i.created())).install();
        grid.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setWidth("4.5rem").setFlexGrow(0).setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        add(new H2("Images"), toolbar, grid);
        expand(grid);
    }

    @Override
    protected void refresh() {
        grid.setItems(images.list());
    }

    private String unusedNames() {
        List<String> names = grid.getListDataView().getItems().filter(i -> i.usedBy() == 0).map(ImageSummary::displayName).toList();
        return names.isEmpty() ? "none right now" : String.join(", ", names);
    }

    private static String use(ImageSummary image) {
        return image.dangling() ? "dangling" : image.usedBy() > 0 ? "in use" : "unused";
    }

    private static String useTheme(ImageSummary image) {
        return image.dangling() ? "contrast" : image.usedBy() > 0 ? "success" : "";
    }

    private MenuBar rowMenu(ImageSummary image) {
        return RowMenu.of(image.displayName(), items -> rowItems(image, items));
    }

    private void rowItems(ImageSummary image, SubMenu items) {
        items.addItem("Inspect", click -> inspect(image));
        if (canAct()) {
            items.addItem("Tag", click -> tag(image));
            String label = image.displayName();
            String ref = image.tags().isEmpty() ? image.id() : image.tags().get(0);
            items.addItem("Remove", click -> ConfirmAction.ask("Remove " + label + "?",
                    (image.tags().size() > 1 ? "The tag " + ref + " is removed; the image stays under its other tags."
                            : "The image " + label + " (" + image.shortId() + ") is deleted.")
                            + (image.usedBy() > 0 ? " " + image.usedBy() + " container(s) use it: removal is forced." : ""),
                    "Remove", () -> act(() -> actions.remove(ref, ref, image.usedBy() > 0), "Removed " + ref)));
        }
    }

    private void tag(ImageSummary image) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Tag " + image.displayName());
        TextField reference = new TextField("New repository:tag");
        reference.setWidthFull();
        FieldErrors errors = new FieldErrors().bind("reference", reference);
        dialog.add(reference);
        Button save = new Button("Tag", click -> {
            if (act(() -> actions.tag(new TagSpec(image.id(), reference.getValue())), "Tagged " + reference.getValue().trim(),
                    errors)) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
        dialog.open();
    }

    private void inspect(ImageSummary image) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(image.displayName());
        dialog.setWidth("min(60rem, 96vw)");
        Grid<HistoryEntry> history = new Grid<>();
        history.addColumn(h -> Formats.time(h.created())).setHeader("Created").setAutoWidth(true);
        history.addColumn(HistoryEntry::createdBy).setHeader("Created by").setFlexGrow(1);
        history.addColumn(h -> Formats.bytes(h.sizeBytes())).setHeader("Size").setAutoWidth(true);
        PhoneRows.of(history, "Created by", HistoryEntry::createdBy).fact(h -> Formats.bytes(h.sizeBytes()))
                .fact(h -> Formats.time(h.created())).install();
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.setAllRowsVisible(true);
        read(() -> images.history(image.id())).ifPresent(history::setItems);
        JsonPanel json = new JsonPanel();
        read(() -> images.inspectJson(image.id())).ifPresent(json::show);
        dialog.add(new H4("History"), history, new H4("Inspect"), json);
        dialog.getFooter().add(new Button("Close", click -> dialog.close()));
        dialog.open();
    }

    /** Pull any reference, credentials optional; a bar per layer moves as the engine reports. */
    class PullDialog extends Dialog {
        final TextField reference = new TextField("Image reference");
        final TextField username = new TextField("Registry user (optional)");
        final PasswordField password = new PasswordField("Password");
        final TextField server = new TextField("Registry address");
        final PullProgressPanel progress = new PullProgressPanel();
        final Div result = new Div();
        final Button start = new Button("Pull");
        private final FieldErrors errors = new FieldErrors();

        PullDialog() {
            setHeaderTitle("Pull an image");
            setWidth("min(36rem, 96vw)");
            reference.setPlaceholder("e.g. 127.0.0.1:5000/tools:1");
            reference.setWidthFull();
            errors.bind("reference", reference);
            FlexLayout auth = new FlexLayout(username, password, server);
            auth.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            auth.getStyle().set("gap", "var(--lumo-space-s)");
            add(reference, auth, progress, result);
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            start.addClickListener(click -> start());
            getFooter().add(new Button("Close", click -> close()), start);
        }

        void start() {
            UI ui = UI.getCurrent();
            RegistryAuth auth = username.getValue().isBlank() ? null
                    : new RegistryAuth(username.getValue().trim(), password.getValue(), server.getValue().trim());
            errors.clear();
            try {
                OperationHandle handle = actions.pull(new PullSpec(reference.getValue(), auth));
                UiUpdates.closeOnDetach(this, actions.followPull(handle.id(), UiUpdates.to(ui, progress::update)));
                start.setEnabled(false);
                result.setText("Pulling…");
                handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
                    start.setEnabled(true);
                    result.setText(update.status() == OperationStatus.COMPLETED ? "Pulled " + reference.getValue().trim()
                            : update.errorMessage());
                    refreshNow();
                }));
            } catch (ConstraintViolationException e) {
                result.setText(String.join("\n", errors.show(e)));
            }
        }
    }

}
