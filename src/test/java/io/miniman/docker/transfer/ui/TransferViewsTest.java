package io.miniman.docker.transfer.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.image.ui.ImagesView;
import io.miniman.docker.transfer.Spooled;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.TransferFolder;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;

/** The transfer actions as operations with roles, and the views that start them. */
@Tag("engine")
class TransferViewsTest extends KaribuTest {

    @Autowired
    TransferActions transfers;
    @Autowired
    TransferFolder folder;

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    @Test
    void anExportIsAnOperationOfItsOwnAndAnImportOfItLoadsTheImageBack() throws Exception {
        String image = DockerTestEngine.image();
        login(Roles.OPERATOR);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        OperationUpdate exported = transfers.exportImages(List.of(image), archive).completion().get();
        assertThat(exported.status()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(exported.name()).isEqualTo("Export images " + image);

        Spooled received = transfers.receiveImageArchive("busybox.tar", archive.size(), new ByteArrayInputStream(archive.toByteArray()));
        assertThat(received.file().getParent()).isEqualTo(folder.dir());
        OperationUpdate imported = transfers.importImages(received).completion().get();
        assertThat(imported.status()).as(imported.errorMessage()).isEqualTo(OperationStatus.COMPLETED);
        assertThat(imported.result()).isEqualTo("loaded " + image);
        assertThat(imported.details()).contains("Loaded image: " + image);
        assertThat(Files.exists(received.file())).isFalse();

        Spooled bad = transfers.receiveImageArchive("bad.tar", 3, new ByteArrayInputStream("bad".getBytes()));
        OperationUpdate refused = transfers.importImages(bad).completion().get();
        assertThat(refused.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(refused.errorMessage()).contains("is not a tar or tar.gz archive");
        assertThat(Files.exists(bad.file())).isFalse();
    }

    @Test
    void aViewerMayNotMoveFilesInOrOut() {
        login(Roles.VIEWER);
        assertThatThrownBy(() -> transfers.exportImages(List.of(DockerTestEngine.image()), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> transfers.receiveImageArchive("x.tar", 1, new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theImagesPageOffersImportAndExport() {
        String image = DockerTestEngine.image();
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(ImagesView.class);
        _click(_get(Button.class, spec -> spec.withText("Import")));
        assertThat(_get(ImageImportDialog.class).upload.isVisible()).isTrue();
        _get(ImageImportDialog.class).close();
        _click(_get(Button.class, spec -> spec.withText("Export")));
        ImageExportDialog export = _get(ImageExportDialog.class);
        assertThat(export.images.getListDataView().getItems()).contains(image);
        assertThat(export.download.isEnabled()).isFalse();
        export.images.setValue(java.util.Set.of(image));
        assertThat(export.download.isEnabled()).isTrue();
    }

}
