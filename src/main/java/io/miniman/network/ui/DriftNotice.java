package io.miniman.network.ui;

import java.util.List;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.miniman.network.apply.FileChange;
import io.miniman.network.apply.TextDiff;
import io.miniman.ui.StatusBadge;

/** "Edited by hand" files, with what changed since the console wrote them, before anyone overwrites them. */
final class DriftNotice {

    private DriftNotice() {
    }

    static Div of(List<FileChange> drifted) {
        Div notice = new Div();
        notice.addClassName("miniman-drift");
        if (drifted.isEmpty()) {
            notice.setVisible(false);
            return notice;
        }
        notice.add(new Div(StatusBadge.of("edited by hand", "error"), new Span(" " + drifted.size()
                + " file(s) differ from what the console last wrote; applying replaces them.")));
        for (FileChange change : drifted) {
            StringBuilder diff = new StringBuilder();
            for (TextDiff.Line line : change.diff()) {
                diff.append(line).append('\n');
            }
            notice.add(new Details(change.file().devicePath(), new Pre(diff.toString())));
        }
        return notice;
    }
}
