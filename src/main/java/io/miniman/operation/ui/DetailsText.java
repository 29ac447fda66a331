package io.miniman.operation.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Pre;

/**
 * How an operation's details (its progress output) are shown: the one place to swap for the shared log
 * viewer. It takes the whole text each time (the engine publishes the redacted tail, not increments).
 */
class DetailsText extends Composite<Pre> {

    DetailsText() {
        getContent().addClassName("miniman-pre");
    }

    void setText(String details) {
        getContent().setText(details == null ? "" : details);
    }

    String getText() {
        return getContent().getText();
    }
}
