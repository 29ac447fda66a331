package io.miniman.operation.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** GELF as Graylog reads it: a listener on loopback that reassembles chunked UDP and reads NUL-ended TCP frames. */
class GelfForwardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ForwardEvent event(String message) {
        return new ForwardEvent(ForwardEvent.Kind.OPERATION, Instant.parse("2026-11-29T10:15:30.250Z"), "docker", "Pull image",
                "failed", "alice", "image app:1", 1500L, message, 1, 7L);
    }

    @Test
    void aLargeMessageOverUdpArrivesInChunksThatReassemble() throws Exception {
        byte[] noise = new byte[30_000];
        ThreadLocalRandom.current().nextBytes(noise);
        // random text does not compress: the gzipped message needs several 8 KB chunks
        String message = "pull failed\n" + Base64.getEncoder().encodeToString(noise);
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            GelfSender sender = new GelfSender(new ForwardAddress(ForwardAddress.Protocol.UDP, "127.0.0.1", listener.getLocalPort()), "box1");
            sender.send(event(message));
            sender.close();
            int[] chunks = {0};
            JsonNode gelf = JSON.readTree(gunzip(receiveChunked(listener, chunks)));
            assertThat(chunks[0]).isGreaterThan(1);
            assertThat(gelf.get("version").asText()).isEqualTo("1.1");
            assertThat(gelf.get("host").asText()).isEqualTo("box1");
            assertThat(gelf.get("short_message").asText()).isEqualTo("docker Pull image on image app:1: failed (pull failed)");
            assertThat(gelf.get("full_message").asText()).isEqualTo(message);
            assertThat(gelf.get("timestamp").asDouble()).isEqualTo(1795947330.25);
            assertThat(gelf.get("level").asInt()).isEqualTo(3);
            assertThat(gelf.get("_status").asText()).isEqualTo("failed");
            assertThat(gelf.get("_user").asText()).isEqualTo("alice");
            assertThat(gelf.get("_duration_ms").asLong()).isEqualTo(1500);
            assertThat(gelf.get("_operation_id").asLong()).isEqualTo(7);
        }
    }

    @Test
    void tcpFramesEndWithANulByteOnOneConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GelfSender sender = new GelfSender(new ForwardAddress(ForwardAddress.Protocol.TCP, "127.0.0.1", listener.getLocalPort()), "box1");
            sender.send(event("first"));
            sender.send(new ForwardEvent(ForwardEvent.Kind.ALERT, Instant.now(), null, "pulls failing", null, null, null, null,
                    "5 failures", 5, null));
            sender.close();
            try (Socket connection = listener.accept()) {
                connection.setSoTimeout(5000);
                InputStream in = connection.getInputStream();
                JsonNode first = JSON.readTree(frame(in));
                JsonNode second = JSON.readTree(frame(in));
                assertThat(first.get("full_message").asText()).isEqualTo("first");
                assertThat(first.get("_type").asText()).isEqualTo("docker");
                assertThat(second.get("_event").asText()).isEqualTo("alert");
                assertThat(second.get("_count").asInt()).isEqualTo(5);
                assertThat(second.get("level").asInt()).isEqualTo(4);
            }
        }
    }

    private static byte[] receiveChunked(DatagramSocket listener, int[] count) throws Exception {
        Map<Integer, byte[]> parts = new TreeMap<>();
        Long id = null;
        int total = -1;
        while (total < 0 || parts.size() < total) {
            DatagramPacket packet = new DatagramPacket(new byte[9000], 9000);
            listener.receive(packet);
            ByteBuffer data = ByteBuffer.wrap(packet.getData(), 0, packet.getLength());
            if (data.get(0) != 0x1e || data.get(1) != 0x0f) {
                count[0] = 1;
                byte[] whole = new byte[packet.getLength()];
                data.get(whole);
                return whole;
            }
            data.position(2);
            long chunkId = data.getLong();
            assertThat(id == null || id == chunkId).as("chunks of one message share an id").isTrue();
            id = chunkId;
            int sequence = data.get();
            total = data.get();
            byte[] payload = new byte[data.remaining()];
            data.get(payload);
            parts.put(sequence, payload);
        }
        count[0] = total;
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (byte[] part : parts.values()) {
            whole.write(part);
        }
        return whole.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    private static byte[] frame(InputStream in) throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            assertThat(b).as("connection ended before the NUL byte").isNotEqualTo(-1);
            frame.write(b);
        }
        return frame.toByteArray();
    }
}
