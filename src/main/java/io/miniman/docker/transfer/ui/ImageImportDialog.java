package io.miniman.docker.transfer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;

import io.miniman.docker.transfer.Bytes;
import io.miniman.docker.transfer.Spooled;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.operation.OperationHandle;

/** Upload a {@code docker save} archive (.tar or .tar.gz); its images are loaded as an operation. */
public class ImageImportDialog extends Dialog {

    final Upload upload = new Upload();
    final TransferPanel panel;

    public ImageImportDialog(TransferActions actions, long limit, Runnable loaded) {
        setHeaderTitle("Import images");
        setWidth("min(36rem, 96vw)");
        panel = new TransferPanel(actions);
        upload.setAcceptedFileTypes(".tar", ".gz", ".tgz", ".zst");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limit));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(event -> {
            try {
                Spooled received = actions.receiveImageArchive(event.getFileName(), event.getFileSize(), event.getInputStream());
                OperationHandle handle = actions.importImages(received);
                panel.follow(ui, handle, update -> loaded.run());
            } catch (RuntimeException e) {
                panel.refused(ui, e.getMessage());
            }
        });
        add(new Paragraph("A file made by docker save (docker save -o images.tar IMAGE...), plain or gzipped, up to "
                + Bytes.text(limit) + ". It is checked whole before the engine loads it; a refused or cancelled import"
                + " leaves no tag behind."), upload, panel);
        getFooter().add(new Button("Close", click -> close()));
    }
}
