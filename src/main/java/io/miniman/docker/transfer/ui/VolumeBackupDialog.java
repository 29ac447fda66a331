package io.miniman.docker.transfer.ui;

import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import io.miniman.docker.transfer.Spooled;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.VolumeUser;

/**
 * Back up a volume as a .tar.gz, or restore one into a new or empty volume. Containers that use the
 * volume are named: a copy taken while they write may be inconsistent, so they can be paused for it.
 */
public class VolumeBackupDialog extends Dialog {

    final Checkbox pause = new Checkbox("Pause the containers using it during the copy");
    final Anchor download;
    final TextField target = new TextField("Restore into volume");
    final Checkbox overwrite = new Checkbox("It has content: write the archive over it");
    final Upload upload = new Upload();
    final TransferPanel panel;

    public VolumeBackupDialog(TransferActions actions, String volume, boolean restoreOnly) {
        setHeaderTitle(restoreOnly ? "Restore a volume" : "Volume " + volume);
        setWidth("min(36rem, 96vw)");
        panel = new TransferPanel(actions);
        List<VolumeUser> users = volume.isEmpty() ? List.of() : actions.volumeUsers(volume);
        if (!users.isEmpty()) {
            add(new Paragraph("Used by " + String.join(", ", users.stream().map(u -> u.name() + " (" + u.state() + ")").toList())
                    + ": what they write during the copy may be caught half-way."));
        }
        pause.setValue(false);
        pause.setVisible(users.stream().anyMatch(VolumeUser::running));
        download = new Anchor(TransferLinks.download(() -> volume + ".tar.gz", "application/gzip",
                out -> actions.backupVolume(volume, pause.getValue(), out)), "Download " + volume + ".tar.gz");
        download.setVisible(!restoreOnly);
        target.setValue(volume);
        target.setWidthFull();
        upload.setAcceptedFileTypes(".tar", ".gz", ".tgz");
        upload.setMaxFiles(1);
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            String name = target.getValue().trim();
            try {
                Spooled received = actions.receiveVolumeArchive(event.getFileName(), event.getFileSize(), event.getInputStream());
                panel.follow(ui, actions.restoreVolume(name, received, overwrite.getValue(), pause.getValue()), update -> { });
            } catch (RuntimeException e) {
                panel.refused(ui, e.getMessage());
            }
        });
        add(pause, download, new Paragraph("Restore: a new or empty volume is filled from a .tar or .tar.gz (links and"
                + " names that leave the volume are refused). A volume with content is refused unless you tick the box below."),
                target, overwrite, upload, panel);
        getFooter().add(new Button("Close", click -> close()));
    }
}
