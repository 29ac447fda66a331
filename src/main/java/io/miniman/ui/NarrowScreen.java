package io.miniman.ui;

import java.util.function.IntConsumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

/** The browser window's width while a component is attached: a phone is narrower than {@link #WIDTH} pixels. */
public final class NarrowScreen {

    public static final int WIDTH = 600;

    private NarrowScreen() {
    }

    /** Tells {@code width} the window's inner width on attach and after every resize, until the component detaches. */
    public static void follow(Component component, IntConsumer width) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> width.accept(details.getWindowInnerWidth()));
            // the page outlives the component: its listener must not keep the component alive
            Registration resize = ui.getPage().addBrowserWindowResizeListener(event -> width.accept(event.getWidth()));
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(event -> {
                resize.remove();
                detach[0].remove();
            });
        });
    }
}
