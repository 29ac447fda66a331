package io.miniman.operation.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A destination that is down: the queue keeps the newest events, counts the dropped ones and says why it fails. */
class TargetQueueTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
    private final Destination destination = new Destination("test:1", "collector", Destination.Format.SYSLOG,
            new ForwardAddress(ForwardAddress.Protocol.TCP, "127.0.0.1", 9), null, true);

    @Test
    void aDeadCollectorDropsTheOldestAndShowsFailingSinceWithTheReason() throws Exception {
        CountDownLatch tried = new CountDownLatch(1);
        List<String> delivered = new ArrayList<>();
        AtomicBoolean up = new AtomicBoolean();
        EventSender flaky = new EventSender() {
            @Override
            public void send(ForwardEvent event) throws IOException {
                tried.countDown();
                if (!up.get()) {
                    throw new java.net.ConnectException("Connection refused");
                }
                synchronized (delivered) {
                    delivered.add(event.name());
                }
            }

            @Override
            public void close() {
            }
        };
        Counter drops = new SimpleMeterRegistry().counter("drops");
        TargetQueue queue = new TargetQueue(destination, flaky, 5, clock, drops);
        try {
            for (int i = 0; i < 12; i++) {
                queue.offer(event("op" + i));
            }
            assertThat(tried.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100 && !queue.state().failing(); i++) {
                Thread.sleep(20);
            }
            TargetState state = queue.state();
            assertThat(state.dropped()).isEqualTo(7);
            assertThat(drops.count()).isEqualTo(7);
            assertThat(state.queued()).isEqualTo(5);
            assertThat(state.failingSince()).isEqualTo(clock.instant());
            assertThat(state.reason()).isEqualTo("connection refused or unreachable: Connection refused");

            up.set(true);
            // the retry comes after a 1 s back-off; the five newest are delivered in order
            for (int i = 0; i < 100 && queue.state().sent() < 5; i++) {
                Thread.sleep(50);
            }
            assertThat(delivered).containsExactly("op7", "op8", "op9", "op10", "op11");
            assertThat(queue.state().failing()).isFalse();
        } finally {
            queue.stop();
        }
    }

    @Test
    void newEventsDoNotCutTheBackOffShort() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch tried = new CountDownLatch(1);
        EventSender dead = new EventSender() {
            @Override
            public void send(ForwardEvent event) throws IOException {
                attempts.incrementAndGet();
                tried.countDown();
                throw new java.net.ConnectException("Connection refused");
            }

            @Override
            public void close() {
            }
        };
        TargetQueue queue = new TargetQueue(destination, dead, 50, clock, new SimpleMeterRegistry().counter("drops"));
        try {
            queue.offer(event("first"));
            assertThat(tried.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 20; i++) {
                queue.offer(event("op" + i));
            }
            Thread.sleep(200);
            // the first back-off is 1 s: twenty events in the meantime must not make twenty retries
            assertThat(attempts.get()).isEqualTo(1);
        } finally {
            queue.stop();
        }
    }

    private static ForwardEvent event(String name) {
        return new ForwardEvent(ForwardEvent.Kind.OPERATION, Instant.now(), "system", name, "completed", "admin", null, 1L,
                null, 1, 1L);
    }
}
