package io.miniman.operation.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.miniman.operation.pattern.Finding;
import io.miniman.ui.Formats;

/** The pattern analysis' findings, newest first: what happened, what to do, and the rows that show it. */
class FindingsPanel extends Composite<VerticalLayout> {

    private final boolean canDismiss;
    private final Consumer<Finding> dismiss;
    private final VerticalLayout list = new VerticalLayout();

    FindingsPanel(boolean canDismiss, Consumer<Finding> dismiss) {
        this.canDismiss = canDismiss;
        this.dismiss = dismiss;
        list.setPadding(false);
        getContent().setPadding(false);
        getContent().add(new H3("Findings"), list);
    }

    void show(List<Finding> findings) {
        list.removeAll();
        if (findings.isEmpty()) {
            list.add(new Span("Nothing stands out in the last 24 hours."));
        }
        findings.forEach(f -> list.add(card(f)));
    }

    private Div card(Finding finding) {
        Span when = new Span(finding.rule() + " · " + Formats.time(finding.latest()));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span title = new Span(finding.title());
        title.getStyle().set("font-weight", "600").set("display", "block");
        UnorderedList rows = new UnorderedList();
        for (Finding.Evidence e : finding.evidence()) {
            String text = Formats.time(e.at()) + " " + e.text();
            rows.add(new ListItem(e.operationId() == null ? new Span(text) : new Anchor("operations?show=" + e.operationId(), text)));
        }
        Details evidence = new Details("Evidence (" + finding.evidence().size() + ")", rows);
        Div card = new Div(when, title, new Paragraph(finding.recommendation()), evidence);
        if (canDismiss) {
            Button button = new Button("Dismiss", click -> dismiss.accept(finding));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(button);
        }
        card.addClassName("miniman-card");
        card.getStyle().set("border-left", "4px solid var(--lumo-error-color)");
        card.setWidthFull();
        return card;
    }
}
