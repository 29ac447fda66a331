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
import io.miniman.ui.log.ViewerLine;

/**
 * The live output of the stack's latest operation (compose's own lines), from the operation feed: the
 * work never knows this panel exists, and leaving the page leaves the work running.
 */
class OperationOutput extends VerticalLayout {

    final Span title = new Span("No operation started from this page yet");
    final LogViewer text = new LogViewer();
    private volatile long followed = -1;
    /** The part of the details already in the viewer: each update carries the whole text so far. */
    private String shown = "";

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
        text.clear();
        shown = "";
    }

    void show(OperationUpdate update) {
        title.setText(update.name() + ": " + update.status().label()
                + (update.errorMessage() == null ? "" : " (" + update.errorMessage().lines().findFirst().orElse("") + ")"));
        appendNew(update.details() == null ? "" : update.details(), update.status().isFinished());
    }

    /** Appends the complete lines that came since the last update (all of them once the work ended). */
    private void appendNew(String details, boolean finished) {
        if (!details.startsWith(shown)) {
            // the details were cut at the front to their cap: show them afresh
            text.clear();
            shown = "";
        }
        int end = finished ? details.length() : details.lastIndexOf('\n') + 1;
        if (end > shown.length()) {
            text.appendText(ViewerLine.Kind.STDOUT, details.substring(shown.length(), end));
            shown = details.substring(0, end);
        }
    }
}
