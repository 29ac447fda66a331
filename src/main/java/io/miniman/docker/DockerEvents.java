package io.miniman.docker;

import io.miniman.Listeners;
import io.miniman.Subscription;
import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;

/**
 * The console's single subscription to the engine's event stream, fanned out to every listener.
 * The stream is reopened whenever the engine comes back up; listeners also hear the engine's own
 * up/down changes as events of type {@link DockerEvent#ENGINE}.
 */
@Component
public class DockerEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerEvents.class);

    private final DockerEngine engine;
    private final Listeners<DockerEvent> listeners = new Listeners<>("Docker events");
    private final Subscription stateSubscription;
    private Closeable stream;
    private boolean closed;

    public DockerEvents(DockerEngine engine) {
        this.engine = engine;
        this.stateSubscription = engine.onStateChange(this::engineChanged);
        if (engine.state().up()) {
            open();
        }
    }

    public Subscription subscribe(Consumer<DockerEvent> listener) {
        return listeners.add(listener);
    }

    private void engineChanged(EngineState state) {
        if (state.up()) {
            open();
        } else {
            closeStream();
        }
        publish(new DockerEvent(DockerEvent.ENGINE, state.up() ? "up" : "down", state.host(),
                Map.of("message", state.message()), state.since()));
    }

    private synchronized void open() {
        if (closed || stream != null) {
            return;
        }
        try {
            stream = engine.call(c -> c.eventsCmd().withSince(String.valueOf(Instant.now().getEpochSecond()))
                    .exec(new ResultCallback.Adapter<Event>() {
                        @Override
                        public void onNext(Event event) {
                            publish(toRecord(event));
                        }

                        @Override
                        public void onError(Throwable error) {
                            if (streamEnded(this)) {
                                engine.streamFailed(error);
                            }
                        }

                        @Override
                        public void onComplete() {
                            if (streamEnded(this)) {
                                engine.check();
                            }
                        }
                    }));
        } catch (DockerFailure e) {
            log.debug("Event stream not opened: {}", e.getMessage());
        }
    }

    /** True when the stream ended by itself; false when we closed it (closing also ends it with an error). */
    private synchronized boolean streamEnded(Closeable which) {
        if (stream == which) {
            stream = null;
            return true;
        }
        return false;
    }

    private synchronized void closeStream() {
        if (stream != null) {
            Closeable closing = stream;
            stream = null;
            try {
                closing.close();
            } catch (IOException e) {
                log.debug("Closing the event stream", e);
            }
        }
    }

    private static DockerEvent toRecord(Event event) {
        Map<String, String> attributes = event.getActor() == null || event.getActor().getAttributes() == null
                ? Map.of() : Map.copyOf(event.getActor().getAttributes());
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId() : event.getId();
        String type = event.getType() == null ? "unknown" : event.getType().getValue();
        Instant time = event.getTimeNano() != null ? Instant.ofEpochSecond(0, event.getTimeNano())
                : Instant.ofEpochSecond(event.getTime() == null ? 0 : event.getTime());
        return new DockerEvent(type, event.getAction() == null ? event.getStatus() : event.getAction(), id == null ? "" : id,
                attributes, time);
    }

    private void publish(DockerEvent event) {
        listeners.publish(event);
    }

    @Override
    public synchronized void close() {
        closed = true;
        stateSubscription.close();
        closeStream();
    }
}
