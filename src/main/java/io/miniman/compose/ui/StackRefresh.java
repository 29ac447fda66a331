package io.miniman.compose.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import com.vaadin.flow.component.UI;

import io.miniman.Subscription;
import io.miniman.compose.StackEvents;
import io.miniman.docker.ui.UiUpdates;

/** Re-reads a stack view when one of its stacks changed; an "up" of three services is a burst of events, folded into one re-read. */
final class StackRefresh {

    private StackRefresh() {
    }

    static Subscription follow(StackEvents events, UI ui, Predicate<String> relevant, Runnable refresh) {
        AtomicBoolean queued = new AtomicBoolean();
        return events.subscribe(stack -> {
            if ((StackEvents.ALL.equals(stack) || relevant.test(stack)) && queued.compareAndSet(false, true)) {
                UiUpdates.run(ui, () -> {
                    queued.set(false);
                    refresh.run();
                });
            }
        });
    }
}
