package io.miniman.extension.loader.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.accordion.Accordion;
import com.vaadin.flow.component.avatar.AvatarGroup;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.messages.MessageInput;
import com.vaadin.flow.component.messages.MessageList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.virtuallist.VirtualList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.miniman.extension.loader.BundleContents;
import io.miniman.extension.loader.ExtensionProblem;
import io.miniman.extension.loader.Extensions;
import io.miniman.security.Roles;
import io.miniman.ui.MainLayout;

/**
 * The extensions this console loaded, the ones it skipped and why, and the components their pages can
 * use. The {@code @Uses} list puts every free core component the console's own pages do not use into
 * the production bundle, so an extension may use any of them (see docs/extending.md for the cost).
 */
@Route(value = ExtensionsView.ROUTE, layout = MainLayout.class)
@PageTitle("Extensions · Mini Manager")
@Menu(title = "Extensions", order = 39, icon = "vaadin:puzzle-piece")
@RolesAllowed(Roles.ADMIN)
@Uses(Accordion.class)
@Uses(AvatarGroup.class)
@Uses(Card.class)
@Uses(CheckboxGroup.class)
@Uses(ListBox.class)
@Uses(Markdown.class)
@Uses(MessageInput.class)
@Uses(MessageList.class)
@Uses(Popover.class)
@Uses(RadioButtonGroup.class)
@Uses(SplitLayout.class)
@Uses(BigDecimalField.class)
@Uses(EmailField.class)
@Uses(VirtualList.class)
public class ExtensionsView extends VerticalLayout {

    /** A constant, so code that names the page by it does not refer to the class (see ExtensionRoutes). */
    public static final String ROUTE = "system/extensions";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    final Grid<Extensions.Loaded> loaded = new Grid<>();
    final Grid<ExtensionProblem> skipped = new Grid<>();

    public ExtensionsView(Extensions extensions, BundleContents bundle) {
        loaded.addComponentColumn(ExtensionsView::loadedRow).setHeader("Loaded");
        loaded.setItems(extensions.loaded());
        loaded.setAllRowsVisible(true);
        loaded.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        skipped.addComponentColumn(ExtensionsView::skippedRow).setHeader("Skipped");
        skipped.setItems(extensions.problems());
        skipped.setAllRowsVisible(true);
        skipped.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);

        Details components = new Details("Components extensions can use",
                new Paragraph(bundle.packages().isEmpty() ? "This run has no production bundle (a developer's run)."
                        : String.join(", ", bundle.packages())));
        add(new H2("Extensions"),
                new Paragraph("Jars in " + extensions.folder() + " are loaded when the console starts."),
                new H3("Loaded"), extensions.loaded().isEmpty() ? new Paragraph("None.") : loaded,
                new H3("Skipped"), extensions.problems().isEmpty() ? new Paragraph("None.") : skipped,
                components);
    }

    private static Component loadedRow(Extensions.Loaded extension) {
        Div row = new Div(new Span(extension.descriptor().name() + " " + extension.descriptor().version()));
        row.add(new Div(new Span("from " + extension.descriptor().source())));
        extension.routes().forEach(route -> row.add(new Div(new Anchor(route, "/" + route))));
        return row;
    }

    private static Component skippedRow(ExtensionProblem problem) {
        Span source = new Span(problem.source());
        source.getStyle().set("font-weight", "600");
        return new Div(new Div(source), new Div(new Span(problem.reason())),
                new Div(new Span(TIME.format(problem.at()))));
    }
}
