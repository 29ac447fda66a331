package io.miniman.system.backup.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.operation.OperationStatus;
import io.miniman.security.Roles;
import io.miniman.system.backup.BackupActions;
import io.miniman.system.backup.BackupSchedule;
import io.miniman.system.backup.BackupService;
import io.miniman.system.backup.StoredBackup;
import io.miniman.ui.FieldErrors;
import io.miniman.ui.Formats;
import io.miniman.ui.MainLayout;
import io.miniman.ui.PhoneRows;
import io.miniman.ui.RowMenu;
import com.vaadin.flow.component.menubar.MenuBar;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

/** Download a backup, the archives kept on the box, the daily schedule, and restore (see {@link RestorePanel}). */
@Route(value = "system/backup", layout = MainLayout.class)
@PageTitle("Backup · Mini Manager")
@Menu(title = "Backup", order = 52, icon = "vaadin:archives")
@RolesAllowed(Roles.ADMIN)
public class BackupView extends VerticalLayout {

    final Checkbox withUsers = new Checkbox("Include user accounts (password hashes)", true);
    final Anchor download;
    final Button backUpNow = new Button("Back up now");
    final Grid<StoredBackup> kept = new Grid<>(StoredBackup.class, false);
    final Checkbox daily = new Checkbox("Back up daily");
    final IntegerField keep = new IntegerField("Keep the newest");
    final Checkbox dailyWithUsers = new Checkbox("With user accounts");
    final Button saveSchedule = new Button("Save schedule");
    final RestorePanel restore;
    private final BackupActions actions;
    private final BackupService backups;
    private final FieldErrors errors = new FieldErrors().bind("keep", keep);

    public BackupView(BackupActions actions, BackupService backups, ApplyWithRollback network) {
        this.actions = actions;
        this.backups = backups;
        this.restore = new RestorePanel(actions, backups.limits().archiveLimit(), () -> network.state()
                .filter(state -> state.phase() == ApplyState.Phase.AWAITING_CONFIRMATION).isPresent(), this::refresh);
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            // the archive is small (tens of kB), made in memory so a failure is an error page, not a cut file
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            actions.download(out, withUsers.getValue());
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), actions.downloadName(),
                    "application/gzip", out.size());
        }), "Download backup");
        download.getElement().setAttribute("download", true);
        download.getElement().setAttribute("theme", "primary");

        backUpNow.addClickListener(click -> {
            UI ui = UI.getCurrent();
            actions.backUpNow(withUsers.getValue()).completion().thenAccept(done -> ui.access(() -> {
                notify(done.status() == OperationStatus.COMPLETED, done.status() == OperationStatus.COMPLETED
                        ? "Kept on the box: " + done.result() : "Backup failed: " + done.errorMessage());
                refresh();
            }));
        });
        FlexLayout downloadRow = new FlexLayout(download, backUpNow);
        downloadRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        downloadRow.getStyle().set("gap", "var(--lumo-space-m)").set("align-items", "center");

        kept.addColumn(b -> Formats.time(b.createdAt())).setHeader("Made").setAutoWidth(true);
        kept.addColumn(StoredBackup::kind).setHeader("Kind").setAutoWidth(true);
        kept.addColumn(b -> Formats.bytes(b.size())).setHeader("Size").setAutoWidth(true);
        PhoneRows.of(kept, "Made", b -> Formats.time(b.createdAt())).fact(StoredBackup::kind).fact(b -> Formats.bytes(b.size()))
                .install();
        kept.addComponentColumn(this::rowMenu).setKey(PhoneRows.ACTIONS).setHeader("").setWidth("4.5rem").setFlexGrow(0);
        kept.setAllRowsVisible(true);

        keep.setMin(1);
        keep.setMax(90);
        keep.setStepButtonsVisible(true);
        keep.setHelperText("daily archives; older ones are deleted");
        BackupSchedule schedule = actions.schedule();
        daily.setValue(schedule.enabled());
        keep.setValue(schedule.keep());
        dailyWithUsers.setValue(schedule.includeUsers());
        saveSchedule.addClickListener(click -> save());
        FlexLayout scheduleRow = new FlexLayout(daily, keep, dailyWithUsers, saveSchedule);
        scheduleRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        scheduleRow.getStyle().set("gap", "var(--lumo-space-m)").set("align-items", "baseline");

        // a box's folder is one long word: it wraps instead of widening a phone's page
        Paragraph folder = new Paragraph("In " + backups.limits().dir().toAbsolutePath().normalize());
        folder.getStyle().set("overflow-wrap", "anywhere");
        add(new H2("Backup and restore"),
                new Paragraph("A backup holds the network settings (with the WiFi passphrase), the compose stacks "
                        + "(with their .env files), the Docker security settings, the console's settings and, if you "
                        + "choose, the user accounts as password hashes. Keep it like a password."),
                withUsers, downloadRow,
                new H3("Kept on this box"), folder, kept,
                scheduleRow,
                new H3("Restore"), restore);
        setMaxWidth("56rem");
        refresh();
    }

    private MenuBar rowMenu(StoredBackup backup) {
        Anchor get = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(actions.open(backup.name()),
                backup.name(), "application/gzip", backup.size())), "Download");
        get.getElement().setAttribute("download", true);
        return RowMenu.of(backup.name(), items -> {
            items.addItem(get);
            items.addItem("Restore…", click -> restore.inspectStored(backup.name()));
        });
    }

    private void save() {
        errors.clear();
        try {
            Integer n = keep.getValue();
            String result = actions.saveSchedule(new BackupSchedule(daily.getValue(), n == null ? 0 : n, dailyWithUsers.getValue()));
            notify(true, "Schedule saved: " + result);
        } catch (ConstraintViolationException e) {
            errors.show(e);
        }
    }

    void refresh() {
        kept.setItems(backups.list());
    }

    static void notify(boolean ok, String text) {
        Notification.show(text, ok ? 4000 : 10000, Notification.Position.BOTTOM_START)
                .addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }
}
