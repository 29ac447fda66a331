package io.miniman.ui.terminal;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * Our wrapper of npm {@code @xterm/xterm} 6.0.0 with {@code @xterm/addon-fit} 0.11.0 (both MIT): the
 * browser renders, the server only passes text both ways and hears the size after each fit.
 */
@Tag("miniman-xterm")
@NpmPackage(value = "@xterm/xterm", version = "6.0.0")
@NpmPackage(value = "@xterm/addon-fit", version = "0.11.0")
@JsModule("./components/xterm-terminal.js")
public class XtermTerminal extends Component implements HasSize {

    public XtermTerminal() {
        setWidthFull();
        setHeight("24rem");
    }

    /** Output for the screen: text with the escape sequences the program wrote. */
    public void write(String text) {
        getElement().callJsFunction("write", text);
    }

    public void clear() {
        getElement().callJsFunction("clear");
    }

    public void focusTerminal() {
        getElement().callJsFunction("focusTerminal");
    }

    /** What the user typed (keys, pasted text), as the terminal encodes it. */
    public Registration addInputListener(Consumer<String> listener) {
        return getElement().addEventListener("terminal-input", e -> listener.accept(e.getEventData().getString("event.detail.data")))
                .addEventData("event.detail.data");
    }

    /** The terminal's size in columns and rows after a fit. */
    public Registration addResizeListener(BiConsumer<Integer, Integer> listener) {
        return getElement().addEventListener("terminal-resize", e -> listener.accept(
                        (int) e.getEventData().getNumber("event.detail.cols"), (int) e.getEventData().getNumber("event.detail.rows")))
                .addEventData("event.detail.cols").addEventData("event.detail.rows");
    }
}
