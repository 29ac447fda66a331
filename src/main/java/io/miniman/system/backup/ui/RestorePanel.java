package io.miniman.system.backup.ui;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinRequest;
import io.miniman.backup.PartPreview;
import io.miniman.backup.RestoreChoice;
import io.miniman.network.apply.TextDiff;
import io.miniman.network.ui.WifiView;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;
import io.miniman.system.backup.BackupActions;
import io.miniman.system.backup.BackupRefusedException;
import io.miniman.system.backup.RestorePlan;
import io.miniman.system.backup.RestorePlan.PartPlan;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.StatusBadge;

/**
 * Upload (or pick a kept archive), read what the archive would change, answer its questions (an interface
 * of another box), then restore. The upload goes to a file on the server, never into memory; the checks
 * and the preview run before the restore button appears, and again on the server when it is pressed.
 */
class RestorePanel extends VerticalLayout {

    final Upload upload;
    final Div status = new Div();
    final VerticalLayout preview = new VerticalLayout();
    final Map<String, ComboBox<String>> answers = new HashMap<>();
    final Button restore = new Button("Restore this backup…");
    final Button cancel = new Button("Cancel");
    private final BackupActions actions;
    private final BooleanSupplier networkAwaitsKeep;
    private final Runnable afterRestore;
    private RestorePlan plan;

    RestorePanel(BackupActions actions, long archiveLimit, BooleanSupplier networkAwaitsKeep, Runnable afterRestore) {
        this.actions = actions;
        this.networkAwaitsKeep = networkAwaitsKeep;
        this.afterRestore = afterRestore;
        upload = new Upload(event -> receive(event.getUI(), event::getInputStream, event.getFileName()));
        upload.setAcceptedFileTypes(".tar.gz", ".tgz", ".zip", "application/gzip", "application/x-gzip", "application/zip");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, archiveLimit));
        upload.setDropLabel(new Span("A .tar.gz or .zip of at most " + Formats.bytes(archiveLimit)));
        upload.addFileRejectedListener(event -> show(false, event.getErrorMessage()));
        restore.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        restore.addClickListener(click -> ConfirmAction.ask("Restore " + plan.upload().fileName() + "?",
                "The current state is backed up first (kept on this box), then every part above is restored. "
                        + "Network changes must be kept within the time shown, or they roll back.",
                "Restore", this::start));
        cancel.addClickListener(click -> clear());
        preview.setPadding(false);
        setPadding(false);
        add(upload, status, preview);
    }

    /** Called by the upload on its request thread: stage to a file, check, preview, then show it in the UI. */
    void receive(UI ui, Supplier<InputStream> data, String fileName) {
        try (InputStream in = data.get()) {
            RestorePlan checked = actions.inspect(actions.stage(in, fileName));
            ui.access(() -> showPlan(checked));
        } catch (BackupRefusedException | UncheckedIOException | IllegalArgumentException e) {
            ui.access(() -> refused(e.getMessage()));
        } catch (java.io.IOException e) {
            ui.access(() -> refused("The upload broke off: " + e.getMessage()));
        }
    }

    void inspectStored(String name) {
        try {
            showPlan(actions.inspect(actions.stageStored(name)));
        } catch (BackupRefusedException | IllegalArgumentException | UncheckedIOException e) {
            refused(e.getMessage());
        }
    }

    private void showPlan(RestorePlan checked) {
        clear();
        plan = checked;
        var m = checked.manifest();
        show(true, "Checked: " + checked.upload().fileName() + ", made on '" + m.hostName() + "' at "
                + Formats.time(m.createdAt()) + " by console " + m.consoleVersion() + ".");
        if (!checked.unknownParts().isEmpty()) {
            preview.add(new Paragraph("Not known to this console, skipped: " + String.join(", ", checked.unknownParts())));
        }
        for (PartPlan part : checked.parts()) {
            preview.add(partView(part));
        }
        FlexLayout buttons = new FlexLayout(restore, cancel);
        buttons.getStyle().set("gap", "var(--lumo-space-m)");
        preview.add(buttons);
    }

    private VerticalLayout partView(PartPlan part) {
        PartPreview p = part.preview();
        VerticalLayout box = new VerticalLayout(new H4(part.title() + (p.changesSomething() ? "" : " · no change")));
        box.setPadding(false);
        box.setSpacing(false);
        if (!p.changes().isEmpty()) {
            UnorderedList list = new UnorderedList();
            p.changes().forEach(change -> list.add(new ListItem(change)));
            box.add(list);
        }
        if (!p.before().equals(p.after())) {
            StringBuilder text = new StringBuilder();
            TextDiff.diff(p.before(), p.after()).stream().filter(line -> line.kind() != TextDiff.Kind.SAME)
                    .forEach(line -> text.append(line).append('\n'));
            Pre diff = new Pre(text.toString());
            diff.getStyle().set("white-space", "pre-wrap").set("word-break", "break-all").set("max-height", "16rem")
                    .set("overflow", "auto").set("font-size", "var(--lumo-font-size-s)");
            box.add(diff);
        }
        for (RestoreChoice choice : p.choices()) {
            ComboBox<String> answer = new ComboBox<>(choice.question(), choice.options());
            answer.setRequired(true);
            answer.setWidthFull();
            answers.put(choice.key(), answer);
            box.add(answer);
        }
        return box;
    }

    private void start() {
        Map<String, String> given = new HashMap<>();
        answers.forEach((key, box) -> {
            if (box.getValue() != null) {
                given.put(key, box.getValue());
            }
        });
        List<String> missing = answers.entrySet().stream().filter(e -> e.getValue().getValue() == null)
                .map(e -> e.getValue().getLabel()).toList();
        if (!missing.isEmpty()) {
            answers.values().stream().filter(box -> box.getValue() == null).forEach(box -> box.setInvalid(true));
            show(false, "Answer every question first: " + missing.get(0));
            return;
        }
        UI ui = UI.getCurrent();
        try {
            String address = VaadinRequest.getCurrent() == null ? "" : VaadinRequest.getCurrent().getRemoteAddr();
            actions.restore(plan.upload(), given, address).completion().thenAccept(done -> ui.access(() -> finished(done)));
            preview.removeAll();
            show(true, "Restoring… (see Operations for each step)");
        } catch (BackupRefusedException | IllegalStateException | IllegalArgumentException e) {
            show(false, e.getMessage());
        }
    }

    private void finished(OperationUpdate done) {
        boolean ok = done.status() == OperationStatus.COMPLETED;
        show(ok, ok ? done.result() : "Restore failed: " + done.errorMessage());
        plan = null;
        afterRestore.run();
        if (ok && networkAwaitsKeep.getAsBoolean()) {
            // the restored network settings wait for "Keep" in the network pages' dialog, which WiFi opens
            UI.getCurrent().navigate(WifiView.class);
        }
    }

    private void refused(String reason) {
        clear();
        show(false, "Refused, nothing changed: " + reason);
    }

    private void clear() {
        if (plan != null) {
            try {
                actions.discard(plan.upload());
            } catch (BackupRefusedException e) {
                // already gone (restored or older than an hour): nothing to discard
            }
        }
        plan = null;
        answers.clear();
        preview.removeAll();
        status.removeAll();
    }

    private void show(boolean ok, String text) {
        status.removeAll();
        status.add(StatusBadge.of(ok ? "ok" : "refused", ok ? "success" : "error"), new Span(" " + text));
    }
}
