package io.miniman.update.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.ui.MainLayout;
import io.miniman.update.ReleaseVersion;
import io.miniman.update.UpdateActions;
import jakarta.annotation.security.RolesAllowed;

/**
 * Update the console from a release file: upload the jar and its .sha256, then one operation checks
 * and hands over; its steps show as they happen, then the browser goes to the shared {@code /waiting}
 * page, which waits for the new version to answer.
 */
@Route(value = "system/update", layout = MainLayout.class)
@PageTitle("Console update · Mini Manager")
@Menu(title = "Console update", order = 80, icon = "vaadin:refresh")
@RolesAllowed(Roles.ADMIN)
public class UpdateView extends VerticalLayout {

    private final UpdateActions actions;
    private final OperationEvents events;
    final Upload upload = new Upload();
    final Div staged = new Div();
    final Checkbox anyVersion = new Checkbox("Install even if it is not newer than the running version");
    final Button install = new Button("Check and install");
    final Pre steps = new Pre();

    public UpdateView(UpdateActions actions, OperationEvents events) {
        this.actions = actions;
        this.events = events;
        upload.setAcceptedFileTypes(".jar", ".sha256");
        upload.setMaxFiles(2);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            try {
                actions.receive(event.getFileName(), event.getFileSize(), event.getInputStream());
                UiUpdates.run(ui, this::showStaged);
            } catch (RuntimeException e) {
                UiUpdates.run(ui, () -> steps.setText("Refused: " + e.getMessage()));
            }
        });
        install.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        install.addClickListener(click -> start(ui));
        add(new H2("Console update"), new Paragraph("Running version " + ReleaseVersion.current() + ". Upload"
                + " miniman-VERSION.jar and miniman-VERSION.jar.sha256. The release is checked (checksum, version, a dry run"
                + " against a copy of the database); then the console restarts on it, and if it is not healthy within 90 s"
                + " the previous version and its database come back by themselves."), upload, staged, anyVersion, install,
                steps);
        showStaged();
    }

    private void showStaged() {
        UpdateActions.Staged now = actions.staged();
        staged.setText("Jar: " + now.jarName().map(name -> name + now.version().map(v -> " (version " + v + ")").orElse(""))
                .orElse("not uploaded") + " · checksum: "
                + now.checksum().map(c -> c.substring(0, 12) + "…").orElse("not uploaded"));
        install.setEnabled(now.jarName().isPresent() && now.checksum().isPresent());
    }

    private void start(UI ui) {
        try {
            String version = actions.staged().version().map(ReleaseVersion::text).orElse("");
            OperationHandle handle = actions.update(anyVersion.getValue());
            install.setEnabled(false);
            UiUpdates.closeOnDetach(this, events.subscribe(update -> {
                if (update.id() == handle.id() && update.status() == OperationStatus.RUNNING) {
                    UiUpdates.run(ui, () -> show(update, version));
                }
            }));
            // the end from the handle: an update refused at once may finish before the subscription above
            handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> show(update, version)));
        } catch (RuntimeException e) {
            steps.setText("Refused: " + e.getMessage());
        }
    }

    /** Once handed over, the browser goes to the page that waits for this version to answer (or the old one, rolled back). */
    private void show(OperationUpdate update, String version) {
        String text = update.details() == null ? "" : update.details();
        if (update.status() == OperationStatus.FAILED) {
            text += "\nRefused: " + update.errorMessage();
            showStaged();
        } else if (update.status() == OperationStatus.COMPLETED) {
            text += "\n" + update.result();
            UI.getCurrent().getPage().setLocation("/waiting?for=update&version=" + version);
        }
        steps.setText(text);
    }
}
