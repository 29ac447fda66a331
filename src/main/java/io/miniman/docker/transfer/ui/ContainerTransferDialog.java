package io.miniman.docker.transfer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.docker.transfer.TransferActions;

/** A container's file system as a download ({@code docker export}), or kept as a new image ({@code docker commit}). */
public class ContainerTransferDialog extends Dialog {

    final Anchor export;
    final TextField reference = new TextField("New image (repository:tag)");
    final TextField message = new TextField("Message (optional)");
    final Checkbox pause = new Checkbox("Pause it while committing", true);
    final Button commit = new Button("Commit");
    final TransferPanel panel;

    public ContainerTransferDialog(TransferActions actions, String id, String name) {
        setHeaderTitle("Export or commit " + name);
        setWidth("min(36rem, 96vw)");
        panel = new TransferPanel(actions);
        export = new Anchor(TransferLinks.download(() -> name + ".tar", "application/x-tar",
                out -> actions.exportContainer(id, out)), "Download the file system as " + name + ".tar");
        reference.setWidthFull();
        reference.setPlaceholder("e.g. " + name + "-snapshot:1");
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        UI ui = UI.getCurrent();
        commit.addClickListener(click -> {
            try {
                panel.follow(ui, actions.commit(id, reference.getValue().trim(), message.getValue(), pause.getValue()), u -> { });
            } catch (RuntimeException e) {
                panel.refused(ui, e.getMessage());
            }
        });
        add(new Paragraph("Export writes the files only (no history, no settings), for docker import elsewhere."), export,
                reference, message, pause, panel);
        getFooter().add(new Button("Close", click -> close()), commit);
    }
}
