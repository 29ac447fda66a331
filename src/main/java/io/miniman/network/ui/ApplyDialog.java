package io.miniman.network.ui;

import io.miniman.Subscription;
import java.time.Clock;
import java.time.Duration;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.miniman.network.apply.ApplyPreview;
import io.miniman.network.apply.ApplyState;
import io.miniman.network.apply.ApplyState.Phase;
import io.miniman.network.apply.ApplyWithRollback;
import io.miniman.network.apply.ClientContext;
import io.miniman.network.apply.FileChange;
import io.miniman.network.apply.RenderedFileChecker.Check;
import io.miniman.network.apply.TextDiff;
import io.miniman.ui.StatusBadge;

/**
 * Review, apply, then "Keep these settings?" with the time left. The countdown runs in the browser for
 * display only; the decision is the server's timer, so closing this dialog or losing the WiFi changes
 * nothing about the rollback.
 */
class ApplyDialog extends Dialog {

    private final ApplyWithRollback apply;
    private final Clock clock;
    private final VerticalLayout body = new VerticalLayout();
    private final Span countdown = new Span();
    private Subscription subscription;
    private long stateId = -1;

    private ApplyDialog(ApplyWithRollback apply, Clock clock) {
        this.apply = apply;
        this.clock = clock;
        setHeaderTitle("Apply network settings");
        setWidth("min(100vw, 48rem)");
        body.setPadding(false);
        add(body);
        countdown.addClassName("miniman-countdown");
    }

    /** Shows what would change; "Apply" starts it. */
    static ApplyDialog review(ApplyWithRollback apply, Clock clock, ApplyPreview preview, ClientContext client) {
        ApplyDialog dialog = new ApplyDialog(apply, clock);
        dialog.showPreview(preview, client);
        dialog.open();
        return dialog;
    }

    /** Re-opens the dialog for a change already in flight (the admin reloaded or came back). */
    static ApplyDialog follow(ApplyWithRollback apply, Clock clock, ApplyState state) {
        ApplyDialog dialog = new ApplyDialog(apply, clock);
        dialog.show(state);
        dialog.open();
        return dialog;
    }

    private void showPreview(ApplyPreview preview, ClientContext client) {
        body.removeAll();
        getFooter().removeAll();
        preview.warnings().forEach(warning -> body.add(warning(warning)));
        if (preview.nothingChanges()) {
            body.add(new Paragraph("The files on the box already match these settings."));
        }
        for (FileChange change : preview.changes()) {
            if (!change.changed()) {
                continue;
            }
            Div summary = new Div(new Span(change.file().devicePath() + " "));
            if (change.before().isEmpty()) {
                summary.add(StatusBadge.of("new", "success"));
            }
            if (change.handEdited()) {
                summary.add(StatusBadge.of("edited by hand: the edit will be replaced", "error"));
            }
            Details details = new Details(summary, new Pre(diffText(change)));
            body.add(details);
        }
        for (Check check : preview.rejected()) {
            body.add(warning(check.file().devicePath() + " refused by its program: " + check.message()));
        }
        Button applyButton = new Button("Apply", click -> start(preview, client));
        applyButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        applyButton.setEnabled(preview.rejected().isEmpty());
        body.add(new Paragraph("After applying you have " + apply.confirmTimeout().toSeconds()
                + " s to keep the settings; otherwise the previous ones come back by themselves."));
        getFooter().add(new Button("Cancel", click -> close()), applyButton);
    }

    private void start(ApplyPreview preview, ClientContext client) {
        try {
            show(apply.apply(preview.proposed(), client));
        } catch (IllegalStateException e) {
            body.add(warning(e.getMessage()));
        }
    }

    private void show(ApplyState state) {
        stateId = state.id();
        body.removeAll();
        getFooter().removeAll();
        state.warnings().forEach(warning -> body.add(warning(warning)));
        Paragraph message = new Paragraph(state.message());
        message.addClassName("miniman-apply-message");
        body.add(message);
        switch (state.phase()) {
            case AWAITING_CONFIRMATION -> {
                setHeaderTitle("Keep these settings?");
                body.add(new Div(new Span("Time left: "), countdown));
                state.deadline().ifPresent(deadline -> startCountdown(Duration.between(clock.instant(), deadline)));
                Button keep = new Button("Keep", click -> decide(() -> apply.confirm(state.id())));
                keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
                Button revert = new Button("Revert now", click -> decide(() -> apply.revert(state.id())));
                revert.addThemeVariants(ButtonVariant.LUMO_ERROR);
                getFooter().add(revert, keep);
            }
            case APPLYING, ROLLING_BACK -> setHeaderTitle(state.phase() == Phase.APPLYING ? "Applying…" : "Rolling back…");
            case CONFIRMED, ROLLED_BACK, FAILED -> {
                setHeaderTitle(switch (state.phase()) {
                    case CONFIRMED -> "Settings kept";
                    case ROLLED_BACK -> "Rolled back";
                    default -> "Not applied";
                });
                getFooter().add(new Button("Close", click -> close()));
            }
        }
    }

    /** The timer may have decided a moment earlier; its own state arrives right after this message. */
    private void decide(Runnable decision) {
        try {
            decision.run();
        } catch (IllegalStateException e) {
            body.add(warning(e.getMessage()));
        }
    }

    private void startCountdown(Duration left) {
        countdown.setText(Math.max(0, left.toSeconds()) + " s");
        countdown.getElement().executeJs("const el = this; const end = Date.now() + $0; clearInterval(el._timer);"
                + "el._timer = setInterval(() => { const s = Math.max(0, Math.round((end - Date.now()) / 1000));"
                + " el.textContent = s + ' s'; if (s === 0) clearInterval(el._timer); }, 500);", (double) left.toMillis());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        subscription = apply.subscribe(state -> ui.access(() -> {
            if (state.id() == stateId) {
                show(state);
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
        }
        super.onDetach(event);
    }

    private static String diffText(FileChange change) {
        StringBuilder text = new StringBuilder();
        for (TextDiff.Line line : change.diff()) {
            text.append(line).append('\n');
        }
        return text.toString();
    }

    private static Div warning(String text) {
        Div div = new Div(StatusBadge.of("warning", "error"), new Span(" " + text));
        div.addClassName("miniman-warning");
        return div;
    }
}
