package io.miniman.compose.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.compose.StackActions;
import io.miniman.compose.StackRevision;
import io.miniman.compose.StackRevisions;
import io.miniman.compose.StackText;
import io.miniman.network.apply.TextDiff;
import io.miniman.operation.OperationUpdate;
import io.miniman.ui.ConfirmAction;
import io.miniman.ui.Formats;
import io.miniman.ui.PhoneRows;

/** The last saves of a stack: each one's change against the one before, against the files now, and a restore. */
class StackHistoryTab extends VerticalLayout {

    final Grid<StackRevision> grid = new Grid<>();
    final Button againstPrevious = new Button("Changes in this revision");
    final Button againstCurrent = new Button("Compare with the files now");
    final Button restore = new Button("Restore");
    final Pre diff = new Pre();
    private final StackRevisions revisions;
    private final String stack;

    StackHistoryTab(String stack, boolean admin, StackRevisions revisions, StackActions actions, Supplier<StackText> current,
            Consumer<OperationUpdate> restored) {
        this.revisions = revisions;
        this.stack = stack;
        setPadding(false);
        grid.addColumn(r -> Formats.time(r.time())).setHeader("Saved").setAutoWidth(true);
        grid.addColumn(StackRevision::user).setHeader("By").setAutoWidth(true);
        grid.addColumn(StackRevision::summary).setHeader("Change").setFlexGrow(1);
        PhoneRows.of(grid, "Change", StackRevision::summary).fact(r -> Formats.time(r.time()) + " · " + r.user()).install();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            boolean chosen = e.getValue() != null;
            againstPrevious.setEnabled(chosen);
            againstCurrent.setEnabled(chosen);
            restore.setEnabled(chosen);
            if (chosen) {
                showAgainstPrevious(e.getValue());
            }
        });
        againstPrevious.addClickListener(click -> showAgainstPrevious(grid.asSingleSelect().getValue()));
        againstCurrent.addClickListener(click -> show(StackRevisions.diff(grid.asSingleSelect().getValue().text(), current.get())));
        restore.setVisible(admin);
        restore.addClickListener(click -> {
            StackRevision chosen = grid.asSingleSelect().getValue();
            ConfirmAction.ask("Restore revision " + chosen.id() + "?", "The stack's files are replaced by those saved "
                    + Formats.time(chosen.time()) + " by " + chosen.user() + "; the files now stay in the history.", "Restore",
                    () -> Submit.run(() -> actions.restore(stack, chosen.id()), java.util.Map.of(), refused -> { }, restored));
        });
        for (Button b : List.of(againstPrevious, againstCurrent, restore)) {
            b.setEnabled(false);
        }
        FlexLayout bar = new FlexLayout(againstPrevious, againstCurrent, restore);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        diff.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)").set("margin", "0");
        add(grid, bar, diff);
    }

    void refresh() {
        grid.setItems(revisions.list(stack));
    }

    private void showAgainstPrevious(StackRevision revision) {
        show(StackRevisions.diff(revisions.before(revision).map(StackRevision::text).orElse(new StackText("", "")), revision.text()));
    }

    private void show(List<TextDiff.Line> lines) {
        diff.setText(String.join("\n", lines.stream().map(TextDiff.Line::toString).toList()));
    }
}
