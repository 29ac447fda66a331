package io.miniman.docker.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.miniman.Subscription;

/**
 * Hands work's news to a UI that may be gone. A closed tab, a sign-out or a locked phone detaches the
 * UI; then the update is dropped, never thrown back into the pull or build that published it.
 */
public final class UiUpdates {

    private UiUpdates() {
    }

    public static <T> Consumer<T> to(UI ui, Consumer<T> update) {
        return value -> run(ui, () -> update.accept(value));
    }

    public static void run(UI ui, Runnable update) {
        ui.accessLater(update::run, null).run();
    }

    /** Stops following when the component leaves the screen (a dialog closed, a view left, the UI gone). */
    public static void closeOnDetach(Component component, Subscription subscription) {
        component.addDetachListener(detach -> subscription.close());
    }
}
