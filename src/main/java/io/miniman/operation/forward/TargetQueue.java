package io.miniman.operation.forward;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;

/**
 * One destination's bounded queue and its one sender thread. Offering never waits: when the queue is
 * full the oldest event is dropped and counted, so a dead collector costs memory up to the capacity and
 * never time on the operation's thread. A failed send is retried (1 s, doubling to 30 s) while newer
 * events queue behind it.
 */
final class TargetQueue {

    private static final Logger log = LoggerFactory.getLogger(TargetQueue.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final Destination destination;
    private final EventSender sender;
    private final int capacity;
    private final Clock clock;
    private final Counter dropCounter;
    private final ArrayDeque<ForwardEvent> queue = new ArrayDeque<>();
    private final Thread worker;
    private long sent;
    private long dropped;
    private Instant failingSince;
    private String reason;
    private boolean stopped;

    TargetQueue(Destination destination, EventSender sender, int capacity, Clock clock, Counter dropCounter) {
        this.destination = destination;
        this.sender = sender;
        this.capacity = capacity;
        this.clock = clock;
        this.dropCounter = dropCounter;
        this.worker = new Thread(this::run, "forward-" + destination.key());
        worker.setDaemon(true);
        worker.start();
    }

    Destination destination() {
        return destination;
    }

    synchronized void offer(ForwardEvent event) {
        if (stopped) {
            return;
        }
        if (queue.size() >= capacity) {
            queue.pollFirst();
            dropped++;
            dropCounter.increment();
        }
        queue.addLast(event);
        notifyAll();
    }

    synchronized TargetState state() {
        return new TargetState(destination.key(), destination.label(), destination.format(), destination.address().toString(),
                destination.forwardOperations(), sent, dropped, queue.size(), failingSince, reason);
    }

    void stop() {
        synchronized (this) {
            stopped = true;
            queue.clear();
            notifyAll();
        }
        worker.interrupt();
    }

    private void run() {
        long backoff = 1000;
        try {
            while (true) {
                ForwardEvent next = next();
                if (next == null) {
                    return;
                }
                try {
                    sender.send(next);
                    backoff = 1000;
                    succeeded(next);
                } catch (IOException | RuntimeException e) {
                    sender.close();
                    failed(e);
                    pause(backoff);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.close();
        }
    }

    private synchronized ForwardEvent next() throws InterruptedException {
        while (queue.isEmpty() && !stopped) {
            wait();
        }
        return stopped ? null : queue.peekFirst();
    }

    /** Sleeps out the back-off: new events wake the queue, and waking here would retry a dead collector once per event. */
    private synchronized void pause(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = until - System.nanoTime(); left > 0 && !stopped; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private synchronized void succeeded(ForwardEvent event) {
        // the head may have been dropped while it was on the wire: remove it only if it is still there
        if (queue.peekFirst() == event) {
            queue.pollFirst();
        }
        sent++;
        if (failingSince != null) {
            log.info("forwarding to {} works again", destination);
        }
        failingSince = null;
        reason = null;
    }

    private synchronized void failed(Exception e) {
        String why = ForwardErrors.describe(e);
        if (failingSince == null) {
            failingSince = clock.instant();
            log.warn("forwarding to {} fails: {}", destination, why);
        }
        reason = why;
    }
}
