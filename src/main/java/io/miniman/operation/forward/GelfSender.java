package io.miniman.operation.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * GELF 1.1 for Graylog and Logstash. UDP: gzipped, split into chunks (magic 0x1e 0x0f, 8-byte message
 * id, sequence number, count) when larger than one datagram; TCP: plain JSON frames ended by a NUL byte
 * on one kept connection.
 */
final class GelfSender implements EventSender {

    /** Graylog's advice for a LAN; a WAN path with a smaller MTU would want 1420. */
    static final int CHUNK_PAYLOAD = 8192 - 12;
    static final int MAX_CHUNKS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForwardAddress address;
    private final String hostname;
    private DatagramSocket udp;
    private Socket tcp;

    GelfSender(ForwardAddress address, String hostname) {
        if (address.protocol() == ForwardAddress.Protocol.TLS) {
            throw new IllegalArgumentException("GELF is sent over udp:// or tcp://");
        }
        this.address = address;
        this.hostname = hostname;
    }

    @Override
    public void send(ForwardEvent event) throws IOException {
        byte[] json = json(event, hostname);
        InetSocketAddress to = new InetSocketAddress(address.resolve(), address.port());
        if (address.protocol() == ForwardAddress.Protocol.UDP) {
            if (udp == null) {
                udp = new DatagramSocket();
            }
            for (byte[] datagram : datagrams(gzip(json))) {
                udp.send(new DatagramPacket(datagram, datagram.length, to));
            }
        } else {
            sendTcp(json, to);
        }
    }

    private void sendTcp(byte[] json, InetSocketAddress to) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (tcp == null || tcp.isClosed()) {
                    tcp = new Socket();
                    tcp.connect(to, 3000);
                    tcp.setSoTimeout(3000);
                }
                OutputStream out = tcp.getOutputStream();
                out.write(json);
                out.write(0);
                out.flush();
                return;
            } catch (IOException e) {
                close();
                // one reconnect covers a collector that closed an idle connection
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    static byte[] json(ForwardEvent event, String hostname) throws JsonProcessingException {
        Map<String, Object> gelf = new LinkedHashMap<>();
        gelf.put("version", "1.1");
        gelf.put("host", hostname);
        gelf.put("short_message", event.summary());
        if (event.message() != null && !event.message().isBlank()) {
            gelf.put("full_message", event.message());
        }
        gelf.put("timestamp", event.time().toEpochMilli() / 1000.0);
        // syslog levels: 3 error, 4 warning, 6 informational
        gelf.put("level", event.kind() == ForwardEvent.Kind.ALERT ? 4 : event.failed() ? 3 : 6);
        gelf.put("_app", "miniman");
        gelf.put("_event", event.kind().word());
        put(gelf, "_type", event.type());
        put(gelf, "_name", event.name());
        put(gelf, "_status", event.status());
        put(gelf, "_user", event.user());
        put(gelf, "_target", event.target());
        put(gelf, "_duration_ms", event.durationMillis());
        put(gelf, "_operation_id", event.operationId());
        if (event.kind() == ForwardEvent.Kind.ALERT) {
            gelf.put("_count", event.count());
        }
        return JSON.writeValueAsBytes(gelf);
    }

    private static void put(Map<String, Object> gelf, String key, Object value) {
        if (value != null) {
            gelf.put(key, value);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 2 + 32);
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(data);
        }
        return bytes.toByteArray();
    }

    /** One datagram, or chunks; a message past 128 chunks (about 1 MB gzipped) cannot be sent over UDP. */
    static byte[][] datagrams(byte[] payload) throws IOException {
        if (payload.length <= CHUNK_PAYLOAD) {
            return new byte[][] {payload};
        }
        int count = (payload.length + CHUNK_PAYLOAD - 1) / CHUNK_PAYLOAD;
        if (count > MAX_CHUNKS) {
            throw new IOException("message too large for GELF over UDP (" + payload.length + " bytes gzipped)");
        }
        long id = ThreadLocalRandom.current().nextLong();
        byte[][] chunks = new byte[count][];
        for (int i = 0; i < count; i++) {
            int from = i * CHUNK_PAYLOAD;
            int length = Math.min(CHUNK_PAYLOAD, payload.length - from);
            chunks[i] = ByteBuffer.allocate(12 + length).put((byte) 0x1e).put((byte) 0x0f).putLong(id)
                    .put((byte) i).put((byte) count).put(payload, from, length).array();
        }
        return chunks;
    }

    @Override
    public void close() {
        try {
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException e) {
            // the connection is being dropped anyway
        }
        tcp = null;
        if (udp != null) {
            udp.close();
            udp = null;
        }
    }
}
