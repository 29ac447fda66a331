package io.miniman.operation;

import io.miniman.Listeners;
import io.miniman.Subscription;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/** In-process publish/subscribe of operation transitions; views subscribe on attach and close on detach. */
@Component
public class OperationEvents {

    private final Listeners<OperationUpdate> listeners = new Listeners<>("operations");

    public Subscription subscribe(Consumer<OperationUpdate> listener) {
        return listeners.add(listener);
    }

    void publish(OperationUpdate update) {
        listeners.publish(update);
    }

    int listenerCount() {
        return listeners.size();
    }

}
