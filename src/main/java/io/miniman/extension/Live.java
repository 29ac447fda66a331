package io.miniman.extension;

import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.miniman.Subscription;
import io.miniman.docker.ui.UiUpdates;
import io.miniman.ui.LiveUpdates;

/**
 * The console's one push idiom, for the API's feeds: a component follows a feed only while it is on
 * screen, and each value reaches it on its own UI's thread (or is dropped when that UI is gone).
 */
final class Live {

    private Live() {
    }

    /** Follows from now if the owner is on screen (a click's follow-up), else from its attach on. */
    static <T> void follow(Component owner, Function<Consumer<T>, Subscription> feed, Consumer<T> update) {
        Function<UI, Subscription> open = ui -> feed.apply(UiUpdates.to(ui, update));
        owner.getUI().ifPresentOrElse(ui -> UiUpdates.closeOnDetach(owner, open.apply(ui)),
                () -> LiveUpdates.whileAttached(owner, open));
    }
}
