package io.miniman.docker.ui;

import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The engine's inspect JSON, formatted, with search and highlighted hits (containers, images, volumes, networks). */
public class JsonPanel extends VerticalLayout {

    public final TextField search = new TextField("Search");
    public final Span hits = new Span();
    final Pre json = new Pre();
    private String text = "";

    public JsonPanel() {
        setPadding(false);
        setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> render());
        json.getStyle().set("overflow", "auto").set("max-height", "70vh").set("width", "100%");
        FlexLayout bar = new FlexLayout(search, hits);
        bar.setAlignItems(Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        add(bar, json);
    }

    public void show(String formatted) {
        text = formatted;
        render();
    }

    public String text() {
        return text;
    }

    private void render() {
        json.getElement().setProperty("innerHTML", Highlight.html(text, search.getValue()));
        int count = Highlight.count(text, search.getValue());
        hits.setText(search.getValue().isBlank() ? "" : count + " matches");
    }
}
