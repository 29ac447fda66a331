package io.miniman.operation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.operation.OperationUpdate;
import io.miniman.ui.Formats;
import io.miniman.ui.log.GrowingText;
import io.miniman.ui.log.LogViewer;

/** One operation's details; while it runs, the view hands it each new state ({@link #show}). */
class OperationDialog extends Dialog {

    private final long id;
    private final Paragraph summary = new Paragraph();
    private final Pre result = new Pre();
    private final Pre error = new Pre();
    private final LogViewer details = new LogViewer();
    private final GrowingText growing = new GrowingText(details);
    private final Div resultSection = section("Result", result);
    private final Div errorSection = section("Error", error);
    private final Div detailsSection = section("Details", details);

    OperationDialog(OperationUpdate op) {
        this.id = op.id();
        setWidth("min(40rem, 95vw)");
        result.addClassName("miniman-pre");
        error.addClassName("miniman-pre");
        details.setHeight("40vh");
        VerticalLayout body = new VerticalLayout(summary, resultSection, errorSection, detailsSection);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button("Close", click -> close()));
        show(op);
    }

    long operationId() {
        return id;
    }

    /** The operation as it stands now (already as this reader may see it). */
    void show(OperationUpdate op) {
        setHeaderTitle(op.name() + (op.target() == null ? "" : " · " + op.target()));
        summary.setText(op.type().label() + " · " + op.status().label() + " · by " + op.user() + " · started "
                + Formats.time(op.startTime()) + op.duration().map(d -> " · took " + Formats.duration(d)).orElse(""));
        fill(resultSection, op.result(), result::setText);
        fill(errorSection, op.errorMessage(), error::setText);
        // the engine publishes the details' whole (redacted) tail each time: only new lines reach the viewer
        detailsSection.setVisible(op.details() != null && !op.details().isBlank());
        growing.show(op.details(), op.status().isFinished());
    }

    String detailsText() {
        return details.text();
    }

    private static void fill(Div section, String value, java.util.function.Consumer<String> setter) {
        boolean present = value != null && !value.isBlank();
        section.setVisible(present);
        setter.accept(present ? value : "");
    }

    private static Div section(String title, com.vaadin.flow.component.Component content) {
        return new Div(new H4(title), content);
    }
}
