package io.miniman.docker.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import io.miniman.docker.EngineState;

/** "Docker engine unreachable at ...: reason" with a Retry, shown only while the engine is down. */
public class EngineBanner extends Div {

    private final Span message = new Span();
    final Button retry;

    public EngineBanner(Runnable onRetry) {
        retry = new Button("Retry", click -> onRetry.run());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        add(message, retry);
        addClassName("engine-banner");
        getStyle().set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "center")
                .set("flex-wrap", "wrap").set("width", "100%").set("box-sizing", "border-box");
        setVisible(false);
    }

    public void show(EngineState state) {
        setVisible(!state.up());
        message.setText(state.message() + ". Retrying by itself; the rest of the console works.");
    }

    public String text() {
        return message.getText();
    }
}
