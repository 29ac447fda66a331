package io.miniman.docker.volume.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.miniman.docker.DockerTestEngine.name;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import io.miniman.docker.DockerTestEngine;
import io.miniman.docker.ui.DockerKaribu;
import io.miniman.docker.volume.VolumeService;
import io.miniman.docker.volume.VolumeSpec;
import io.miniman.docker.volume.VolumeSummary;
import io.miniman.security.Roles;
import io.miniman.testsupport.KaribuTest;
import io.miniman.ui.PhoneRows;

@Tag("engine")
class VolumesViewTest extends KaribuTest {

    @Autowired
    VolumeService volumes;

    @BeforeEach
    void engine() {
        DockerTestEngine.engine();
    }

    @AfterAll
    static void cleanUp() {
        DockerTestEngine.cleanUp();
    }

    private static int index(VolumesView view, String name) {
        var rows = GridKt._findAll(view.grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void onAPhoneAVolumeIsOneRowWithItsWholeNameAndTheRowMenuKeepsItsItemsPerRole() {
        String longName = name("phone-volume-with-a-name-far-wider-than-a-phone-held-upright");
        volumes.create(new VolumeSpec(longName, null, null, null));
        login(Roles.VIEWER);
        UI.getCurrent().navigate(VolumesView.class);
        VolumesView view = _get(VolumesView.class);
        PhoneRows.layoutFor(view.grid, 360);
        assertThat(view.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly(PhoneRows.KEY, PhoneRows.ACTIONS);
        assertThat(GridKt._getFormattedRow(view.grid, index(view, longName)).get(0)).contains(longName, "local", "unused");
        assertThat(items(view, longName)).containsExactly("Inspect");

        login(Roles.OPERATOR);
        UI.getCurrent().navigate(VolumesView.class);
        VolumesView operatorView = _get(VolumesView.class);
        PhoneRows.layoutFor(operatorView.grid, 360);
        assertThat(items(operatorView, longName)).containsExactly("Inspect", "Back up / restore", "Remove");
        PhoneRows.layoutFor(operatorView.grid, 1280);
        assertThat(items(operatorView, longName)).containsExactly("Inspect", "Back up / restore", "Remove");
        assertThat(operatorView.grid.getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .doesNotContain(PhoneRows.KEY).contains(PhoneRows.ACTIONS).hasSize(6);
    }

    private static java.util.List<String> items(VolumesView view, String volume) {
        MenuBar menu = (MenuBar) GridKt._getCellComponent(view.grid, index(view, volume), PhoneRows.ACTIONS);
        return menu.getItems().get(0).getSubMenu().getItems().stream().map(item -> item.getText()).toList();
    }

    @Test
    void aViewerSeesVolumesAndAnOperatorRemovesOneAfterConfirming() {
        volumes.create(new VolumeSpec(name("shown"), null, null, null));
        login(Roles.VIEWER);
        UI.getCurrent().navigate(VolumesView.class);
        VolumesView view = _get(VolumesView.class);
        assertThat(GridKt._findAll(view.grid)).extracting(VolumeSummary::name).contains(name("shown"));
        _assertNone(Button.class, spec -> spec.withText("Create volume"));

        login(Roles.OPERATOR);
        UI.getCurrent().navigate(VolumesView.class);
        VolumesView operatorView = _get(VolumesView.class);
        MenuBar menu = (MenuBar) GridKt._getCellComponent(operatorView.grid, index(operatorView, name("shown")), "actions");
        ContextMenuKt._clickItemWithCaption(menu, "Remove");
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).contains(name("shown"), "all its data");
        ConfirmDialogKt._fireConfirm(confirm);
        DockerKaribu.until(() -> index(operatorView, name("shown")) < 0, Duration.ofSeconds(10), "the volume to go");
    }

    @Test
    void theCreateDialogMarksABadNameBesideItsFieldAndRefusesDriverOptionsToAnOperator() {
        login(Roles.OPERATOR);
        UI.getCurrent().navigate(VolumesView.class);
        VolumesView view = _get(VolumesView.class);
        _click(view.create);
        TextField volumeName = _get(TextField.class, spec -> spec.withLabel("Name (empty: generated)"));
        volumeName.setValue("no/slash");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(volumeName.isInvalid()).isTrue();
        assertThat(volumeName.getErrorMessage()).startsWith("may only hold letters");

        volumeName.setValue(name("root-fs"));
        _get(TextArea.class, spec -> spec.withLabel("Driver options (key=value a line)")).setValue("type=none\no=bind\ndevice=/");
        _click(_get(Button.class, spec -> spec.withText("Create")));
        assertThat(volumeName.isInvalid()).isFalse();
        NotificationsKt.expectNotifications("Volume driver options are for admins");
        assertThat(_get(Dialog.class).isOpened()).isTrue();
        assertThat(volumes.list()).noneMatch(v -> v.name().equals(name("root-fs")));
    }
}
