package io.miniman.system.backup.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H4;
import io.miniman.security.Roles;
import io.miniman.system.backup.BackupActions;
import io.miniman.system.backup.BackupSchedule;
import io.miniman.testsupport.KaribuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BackupViewTest extends KaribuTest {

    @Autowired
    BackupActions actions;

    @AfterEach
    void defaultSchedule() {
        login(Roles.ADMIN);
        actions.saveSchedule(BackupSchedule.DEFAULTS);
    }

    @Test
    void onlyAnAdminOpensTheBackupPage() {
        login(Roles.OPERATOR);
        assertThatThrownBy(() -> UI.getCurrent().navigate(BackupView.class))
                .hasRootCauseInstanceOf(com.vaadin.flow.router.AccessDeniedException.class);
        assertThat(_find(BackupView.class)).isEmpty();
    }

    @Test
    void theScheduleIsSavedWithItsLimitsCheckedBesideTheField() {
        login(Roles.ADMIN);
        UI.getCurrent().navigate(BackupView.class);
        BackupView view = _get(BackupView.class);
        view.keep.setValue(0);
        _click(view.saveSchedule);
        assertThat(view.keep.isInvalid()).isTrue();
        assertThat(view.keep.getErrorMessage()).contains("Keep at least 1");

        view.keep.setValue(4);
        view.daily.setValue(false);
        _click(view.saveSchedule);
        assertThat(view.keep.isInvalid()).isFalse();
        NotificationsKt.expectNotifications("Schedule saved: off, with users");
        assertThat(actions.schedule()).isEqualTo(new BackupSchedule(false, 4, true));
    }

    @Test
    void anUploadIsCheckedAndPreviewedOrRefusedWithTheReason() throws Exception {
        login(Roles.ADMIN);
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        actions.download(archive, false);
        UI.getCurrent().navigate(BackupView.class);
        BackupView view = _get(BackupView.class);
        RestorePanel panel = view.restore;

        byte[] cut = Arrays.copyOf(archive.toByteArray(), archive.size() / 2);
        panel.receive(UI.getCurrent(), () -> new ByteArrayInputStream(cut), "cut.tar.gz");
        runUiQueue();
        assertThat(panel.status.getElement().getTextRecursively()).contains("Refused, nothing changed", "incomplete");
        assertThat(panel.preview.getChildren()).isEmpty();

        panel.receive(UI.getCurrent(), () -> new ByteArrayInputStream(archive.toByteArray()), "good.tar.gz");
        runUiQueue();
        assertThat(panel.status.getElement().getTextRecursively()).contains("Checked: good.tar.gz");
        assertThat(_find(panel.preview, H4.class)).extracting(H4::getText)
                .contains("Network settings · no change", "Docker security settings · no change")
                .noneMatch(title -> title.startsWith("User accounts"));
        assertThat(panel.restore.isAttached()).isTrue();

        _click(panel.cancel);
        assertThat(panel.preview.getChildren()).isEmpty();
        assertThat(GridKt._size(view.kept)).isGreaterThanOrEqualTo(0);
    }
}
