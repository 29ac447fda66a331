package io.miniman.compose.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.Subscription;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationUpdate;
import io.miniman.ui.LiveUpdates;
import io.miniman.ui.log.LogViewer;
import io.miniman.ui.log.GrowingText;

/**
 * The live output of the stack's latest operation (compose's own lines), from the operation feed: the
 * work never knows this panel exists, and leaving the page leaves the work running.
 */
class OperationOutput extends VerticalLayout {

    final Span title = new Span("No operation started from this page yet");
    final LogViewer text = new LogViewer();
    private final GrowingText details = new GrowingText(text);
    private volatile long followed = -1;

    OperationOutput(OperationEvents events) {
        setPadding(false);
        text.setHeight("16rem");
        add(title, text);
        LiveUpdates.whileAttached(this, ui -> follow(events, ui));
    }

    private Subscription follow(OperationEvents events, UI ui) {
        return events.subscribe(update -> {
            if (update.id() == followed) {
                UiUpdates.run(ui, () -> show(update));
            }
        });
    }

    void follow(long operationId, String what) {
        followed = operationId;
        title.setText(what + ": pending");
        details.reset();
    }

    void show(OperationUpdate update) {
        title.setText(update.name() + ": " + update.status().label()
                + (update.errorMessage() == null ? "" : " (" + update.errorMessage().lines().findFirst().orElse("") + ")"));
        details.show(update.details(), update.status().isFinished());
    }
}
