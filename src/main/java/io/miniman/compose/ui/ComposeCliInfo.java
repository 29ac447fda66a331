package io.miniman.compose.ui;

import com.vaadin.flow.component.html.Span;

import io.miniman.compose.StackService;

/** One line naming the compose CLI the console found (or that none is installed), for the engine page and the stacks list. */
public class ComposeCliInfo extends Span {

    public ComposeCliInfo(StackService stacks) {
        super("Compose: " + stacks.program().describe());
        if (!stacks.program().installed()) {
            getElement().getThemeList().add("badge error");
        }
    }
}
