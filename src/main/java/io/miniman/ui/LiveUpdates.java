package io.miniman.ui;

import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import io.miniman.Subscription;

/**
 * A feed a component follows only while it is on screen: subscribed on attach, closed on detach, so a
 * closed tab or a left view keeps no listener (and no UI) alive on the server.
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /** {@code open} gets the UI to push through and returns the subscription to close on detach. */
    public static void whileAttached(Component component, Function<UI, Subscription> open) {
        component.addAttachListener(attach -> {
            Subscription subscription = open.apply(attach.getUI());
            Registration[] detach = new Registration[1];
            detach[0] = component.addDetachListener(event -> {
                subscription.close();
                detach[0].remove();
            });
        });
    }
}
