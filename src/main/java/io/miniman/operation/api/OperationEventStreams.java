package io.miniman.operation.api;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.miniman.Subscription;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationReader;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;

/**
 * Server-Sent Event streams of operation transitions, fed by the same {@link OperationEvents} the views
 * use. The feed calls listeners on the operation's own thread, which must never wait for a slow client:
 * each stream gets a bounded queue that one shared sender thread drains. A client that lets its queue
 * fill is cut off (it can re-read with GET); a client that went away is noticed at the next write, which
 * the heartbeat guarantees within {@link #HEARTBEAT}.
 */
@Component
class OperationEventStreams implements DisposableBean {

    static final int QUEUE_LIMIT = 256;
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private final OperationEvents events;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "api-operation-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Stream> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OperationEventStreams(OperationEvents events) {
        this.events = events;
        sender.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * @param finishedNow for a stream of one operation: that operation if it has already finished (asked
     *                    after subscribing, so a finish in between is not missed), else null
     */
    SseEmitter open(Long id, OperationType type, OperationReader reader, Supplier<OperationUpdate> finishedNow) {
        SseEmitter emitter = new SseEmitter(MAX_LIFETIME.toMillis());
        Stream stream = new Stream(emitter, id, type, reader);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        open.add(stream);
        stream.subscription = events.subscribe(stream::offer);
        OperationUpdate finished = finishedNow.get();
        if (finished != null) {
            stream.offer(finished);
        }
        return emitter;
    }

    /** Streams open now (a test checks that a closed client leaves none behind). */
    int openCount() {
        return open.size();
    }

    private void heartbeat() {
        for (Stream stream : open) {
            stream.queue.offer(Stream.PING);
            stream.scheduleDrain();
        }
    }

    @Override
    public void destroy() {
        open.forEach(Stream::close);
        sender.shutdownNow();
    }

    private final class Stream {

        static final OperationUpdate PING = new OperationUpdate(-1, null, null, null, null, null, null, null, null, null, null);

        final SseEmitter emitter;
        final Long id;
        final OperationType type;
        final OperationReader reader;
        final BlockingQueue<OperationUpdate> queue = new ArrayBlockingQueue<>(QUEUE_LIMIT);
        final AtomicBoolean draining = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Subscription subscription;

        Stream(SseEmitter emitter, Long id, OperationType type, OperationReader reader) {
            this.emitter = emitter;
            this.id = id;
            this.type = type;
            this.reader = reader;
        }

        void offer(OperationUpdate update) {
            if (closed.get() || (id != null && update.id() != id) || (type != null && update.type() != type)) {
                return;
            }
            if (!queue.offer(reader.shown(update))) {
                // the client reads slower than operations change: drop it rather than buffer without end
                sender.execute(() -> {
                    send(SseEmitter.event().name("overflow").data("too many events queued; re-read with GET"));
                    emitter.complete();
                    close();
                });
                return;
            }
            scheduleDrain();
        }

        void scheduleDrain() {
            if (draining.compareAndSet(false, true)) {
                sender.execute(this::drain);
            }
        }

        private void drain() {
            draining.set(false);
            OperationUpdate update;
            while (!closed.get() && (update = queue.poll()) != null) {
                if (update == PING) {
                    send(SseEmitter.event().comment("keep-alive"));
                    continue;
                }
                send(SseEmitter.event().name("operation").id(String.valueOf(update.id()))
                        .data(update, MediaType.APPLICATION_JSON));
                if (id != null && finished(update)) {
                    emitter.complete();
                    close();
                }
            }
        }

        private void send(SseEmitter.SseEventBuilder event) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                // the client disconnected (or the emitter already ended): stop feeding it
                emitter.completeWithError(gone);
                close();
            }
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                open.remove(this);
                Subscription s = subscription;
                if (s != null) {
                    s.close();
                }
                queue.clear();
            }
        }

        private static boolean finished(OperationUpdate update) {
            return update.status() == OperationStatus.COMPLETED || update.status() == OperationStatus.FAILED;
        }
    }
}
