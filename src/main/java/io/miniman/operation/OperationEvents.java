package io.miniman.operation;

import io.miniman.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** In-process publish/subscribe of operation transitions; views subscribe on attach and close on detach. */
@Component
public class OperationEvents {

    private static final Logger log = LoggerFactory.getLogger(OperationEvents.class);

    private final List<Consumer<OperationUpdate>> listeners = new CopyOnWriteArrayList<>();

    public Subscription subscribe(Consumer<OperationUpdate> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(OperationUpdate update) {
        for (Consumer<OperationUpdate> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                // one broken listener (a closed UI) must not stop the others
                log.debug("operation listener failed", e);
            }
        }
    }

    int listenerCount() {
        return listeners.size();
    }

}
