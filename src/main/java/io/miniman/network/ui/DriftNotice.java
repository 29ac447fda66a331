package io.miniman.network.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.miniman.network.apply.FileChange;
import io.miniman.network.apply.HandEdits;
import io.miniman.network.apply.TextDiff;
import io.miniman.ui.StatusBadge;

/**
 * "Edited by hand" files, with what changed since the console wrote them, before anyone overwrites
 * them. Shows the last check (reading the files is costly on the box); "Check again" reads them anew.
 */
final class DriftNotice extends Div {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final HandEdits handEdits;
    final Button checkAgain = new Button("Check again");

    DriftNotice(HandEdits handEdits) {
        this.handEdits = handEdits;
        addClassName("miniman-drift");
        checkAgain.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        checkAgain.addClickListener(click -> show(handEdits.checkAgain()));
        show(handEdits.report());
    }

    private void show(HandEdits.Report report) {
        removeAll();
        String checked = " (checked at " + TIME.format(report.checkedAt()) + ")";
        if (report.drifted().isEmpty()) {
            add(new Span("No managed file was edited by hand" + checked + ". "), checkAgain);
            return;
        }
        add(new Div(StatusBadge.of("edited by hand", "error"), new Span(" " + report.drifted().size()
                + " file(s) differ from what the console last wrote; applying replaces them" + checked + ". "),
                checkAgain));
        for (FileChange change : report.drifted()) {
            StringBuilder diff = new StringBuilder();
            for (TextDiff.Line line : change.diff()) {
                diff.append(line).append('\n');
            }
            add(new Details(change.file().devicePath(), new Pre(diff.toString())));
        }
    }
}
