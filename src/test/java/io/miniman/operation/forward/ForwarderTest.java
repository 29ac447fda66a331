package io.miniman.operation.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.miniman.operation.OperationEvents;
import io.miniman.operation.OperationStatus;
import io.miniman.operation.OperationType;
import io.miniman.operation.OperationUpdate;

/** Destinations from the environment, and one message per transition (progress lines are not transitions). */
class ForwarderTest {

    @Test
    void everyTransitionGoesOutOnceAndABadEnvironmentEntryIsSkipped() throws Exception {
        try (DatagramSocket collector = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            collector.setSoTimeout(3000);
            ForwardProperties properties = new ForwardProperties(List.of("udp://127.0.0.1:" + collector.getLocalPort()),
                    List.of("http://graylog.lan"), List.of(), "public", 100);
            Forwarder forwarder = new Forwarder(properties, new OperationEvents(), Clock.systemUTC(), new SimpleMeterRegistry());
            try {
                assertThat(forwarder.states()).singleElement().satisfies(state -> {
                    assertThat(state.key()).isEqualTo("env:syslog:0");
                    assertThat(state.address()).isEqualTo("udp://127.0.0.1:" + collector.getLocalPort());
                    assertThat(state.forwardOperations()).isTrue();
                });
                Instant start = Instant.parse("2026-11-29T10:00:00Z");
                forwarder.onTransition(update(OperationStatus.PENDING, start, null, null));
                forwarder.onTransition(update(OperationStatus.RUNNING, start, null, null));
                forwarder.onTransition(update(OperationStatus.RUNNING, start, null, "layer 1 of 3\n"));
                forwarder.onTransition(update(OperationStatus.RUNNING, start, null, "layer 2 of 3\n"));
                forwarder.onTransition(update(OperationStatus.COMPLETED, start, start.plusSeconds(3), null));
                forwarder.broadcast(ForwardEvent.alert(start, "pulls", "3 failures", 3, null), Set.of());

                List<String> received = new ArrayList<>();
                try {
                    while (true) {
                        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
                        collector.receive(packet);
                        received.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
                    }
                } catch (SocketTimeoutException done) {
                    // nothing more came
                }
                assertThat(received).hasSize(4);
                assertThat(received.get(0)).contains("status=\"pending\"");
                assertThat(received.get(1)).contains("status=\"running\"");
                assertThat(received.get(2)).contains("status=\"completed\"", "duration_ms=\"3000\"");
                assertThat(received.get(3)).contains(" alert ", "count=\"3\"");
            } finally {
                forwarder.destroy();
            }
        }
    }

    private static OperationUpdate update(OperationStatus status, Instant start, Instant end, String details) {
        return new OperationUpdate(9, OperationType.DOCKER, "Pull image", "image app:1", status, "alice", start, end, details,
                status == OperationStatus.COMPLETED ? "pulled" : null, null);
    }
}
