package io.miniman.docker.transfer.ui;

import java.util.Collection;
import java.util.List;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;

import io.miniman.docker.transfer.ImageTransfers;
import io.miniman.docker.transfer.TransferActions;

/** Choose images; the link downloads them as one {@code docker save} archive named after their tags. */
public class ImageExportDialog extends Dialog {

    final MultiSelectComboBox<String> images = new MultiSelectComboBox<>("Images");
    final Anchor download;

    public ImageExportDialog(TransferActions actions, Collection<String> choices, Collection<String> chosen) {
        setHeaderTitle("Export images");
        setWidth("min(36rem, 96vw)");
        images.setItems(choices);
        images.setValue(chosen);
        images.setWidthFull();
        download = new Anchor(TransferLinks.download(() -> ImageTransfers.fileName(selected()), "application/x-tar",
                out -> actions.exportImages(selected(), out)), "Download archive");
        download.setEnabled(!chosen.isEmpty());
        images.addValueChangeListener(change -> download.setEnabled(!change.getValue().isEmpty()));
        add(new Paragraph("One archive for docker load on another machine; it streams from the engine as it is made."),
                images, download);
        getFooter().add(new Button("Close", click -> close()));
    }

    private List<String> selected() {
        return images.getValue().stream().sorted().toList();
    }
}
