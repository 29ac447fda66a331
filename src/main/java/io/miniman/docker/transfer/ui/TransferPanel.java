package io.miniman.docker.transfer.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;

import io.miniman.docker.transfer.Bytes;
import io.miniman.docker.transfer.TransferActions;
import io.miniman.docker.transfer.TransferProgress;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationHandle;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationUpdate;

/**
 * A running transfer on screen: bytes, the last message, a Cancel button, then the result. The
 * transfer is an operation: closing the dialog or leaving the page only stops following it (the
 * Operations view still shows it).
 */
public class TransferPanel extends Div {

    private final TransferActions actions;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span status = new Span();
    final Div result = new Div();
    final Button cancel = new Button("Cancel");

    public TransferPanel(TransferActions actions) {
        this.actions = actions;
        setWidthFull();
        setVisible(false);
        status.getStyle().set("font-size", "var(--lumo-font-size-s)");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        add(status, bar, cancel, result);
    }

    /** Follows {@code handle} in {@code ui}; {@code done} runs (in the UI) when it ends. */
    public void follow(UI ui, OperationHandle handle, Consumer<OperationUpdate> done) {
        UiUpdates.run(ui, () -> {
            setVisible(true);
            bar.setIndeterminate(true);
            result.setText("");
            cancel.setVisible(true);
            cancel.setEnabled(true);
            cancel.addClickListener(click -> {
                cancel.setEnabled(false);
                actions.cancel(handle.id());
            });
        });
        UiUpdates.closeOnDetach(this, actions.follow(handle.id(), UiUpdates.to(ui, this::show)));
        handle.completion().thenAccept(update -> UiUpdates.run(ui, () -> {
            cancel.setVisible(false);
            bar.setIndeterminate(false);
            bar.setValue(update.status() == OperationStatus.COMPLETED ? 1 : 0);
            result.setText(update.status() == OperationStatus.COMPLETED ? update.result() : "Failed: " + update.errorMessage());
            done.accept(update);
        }));
    }

    /** A refusal before the operation began (the upload itself was refused). */
    public void refused(UI ui, String reason) {
        UiUpdates.run(ui, () -> {
            setVisible(true);
            cancel.setVisible(false);
            result.setText("Refused: " + reason);
        });
    }

    private void show(TransferProgress progress) {
        bar.setIndeterminate(progress.total() <= 0);
        if (progress.total() > 0) {
            bar.setValue(Math.min(1, (double) progress.bytes() / progress.total()));
        }
        status.setText(progress.message() + " · " + Bytes.text(progress.bytes())
                + (progress.total() > 0 ? " of " + Bytes.text(progress.total()) : ""));
    }
}
