package io.miniman;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener registry behind every in-process feed. A listener that throws (a closed UI, a bug) is
 * logged and skipped: it never stops the feed or the listeners after it, and never reaches the work
 * that published.
 */
public final class Listeners<T> {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private final String feed;
    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();

    /** {@code feed} names the feed in the log line of a failed listener. */
    public Listeners(String feed) {
        this.feed = feed;
    }

    public Subscription add(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(T value) {
        for (Consumer<? super T> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                log.warn("a listener of {} failed", feed, e);
            }
        }
    }

    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    public int size() {
        return listeners.size();
    }
}
