package io.miniman.docker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import io.miniman.Listeners;
import io.miniman.Subscription;
import io.miniman.operation.OperationHandle;

/**
 * The live progress of running operations (pull layers, build lines), one feed per operation, dropped
 * when it ends. The work publishes here and never sees a view: a closed tab or a locked phone only
 * removes a listener, and a listener that throws is skipped, so neither can stop a pull or a build.
 */
public final class ProgressFeeds<T> {

    private final String name;
    private final Map<Long, Listeners<T>> running = new ConcurrentHashMap<>();

    public ProgressFeeds(String name) {
        this.name = name;
    }

    /** {@code start} submits the work, handing it the publisher of its feed. */
    public OperationHandle start(Function<Consumer<T>, OperationHandle> start) {
        Listeners<T> feed = new Listeners<>(name);
        OperationHandle handle = start.apply(feed::publish);
        running.put(handle.id(), feed);
        // an operation that already ended runs this at once: no feed outlives its work
        handle.completion().whenComplete((update, error) -> running.remove(handle.id()));
        return handle;
    }

    /** Follows an operation's progress from now on; an operation that already ended has nothing more to say. */
    public Subscription follow(long operationId, Consumer<? super T> listener) {
        Listeners<T> feed = running.get(operationId);
        return feed == null ? () -> { } : feed.add(listener);
    }

    int size() {
        return running.size();
    }
}
