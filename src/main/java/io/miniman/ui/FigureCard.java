package io.miniman.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A dashboard card: a caption over one figure the view keeps updating ({@code FigureCard.of("CPU", cpu)}). */
public final class FigureCard {

    private FigureCard() {
    }

    public static Div of(String label, Span value) {
        Span caption = new Span(label);
        caption.addClassName("label");
        value.addClassName("value");
        Div card = new Div(caption, new Div(value));
        card.addClassName("miniman-card");
        return card;
    }
}
