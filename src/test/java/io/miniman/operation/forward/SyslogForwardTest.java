package io.miniman.operation.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.miniman.testsupport.Requires;

/** RFC 5424 over UDP and TCP into a real rsyslogd on loopback, with its own config and ports. */
@Tag("engine")
class SyslogForwardTest {

    @TempDir
    static Path dir;
    static LoopbackReceiver rsyslog;
    static int udpPort;
    static int tcpPort;

    @BeforeAll
    static void startRsyslog() throws Exception {
        Path program = Requires.program("rsyslogd");
        udpPort = LoopbackReceiver.freeUdpPort();
        tcpPort = LoopbackReceiver.freeTcpPort();
        Path out = dir.resolve("received.log");
        // one line per message with the RFC 5424 fields as rsyslog parsed them
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%1$s")
                module(load="imudp")
                module(load="imtcp")
                input(type="imudp" address="127.0.0.1" port="%2$d")
                input(type="imtcp" address="127.0.0.1" port="%3$d")
                template(name="fields" type="string" string="%%protocol-version%%|%%app-name%%|%%msgid%%|%%syslogfacility-text%%|%%syslogseverity-text%%|%%structured-data%%|%%msg%%\\n")
                *.* action(type="omfile" file="%4$s" template="fields")
                """.formatted(dir, udpPort, tcpPort, out));
        rsyslog = new LoopbackReceiver(List.of(program.toString(), "-n", "-f", dir.resolve("rsyslog.conf").toString(),
                "-i", dir.resolve("rsyslog.pid").toString()), out);
        // the TCP input accepting connections is the sign that the config is loaded
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            try (var socket = new java.net.Socket("127.0.0.1", tcpPort)) {
                break;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(rsyslog.alive()).as(rsyslog.console()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    static ForwardEvent failedPull(String marker) {
        return new ForwardEvent(ForwardEvent.Kind.OPERATION, Instant.parse("2026-11-29T10:15:30.123Z"), "docker", "Pull image",
                "failed", "alice", "image registry.lan/app:1 \"quoted\" ]", 2345L, "registry unreachable " + marker, 1, 42L);
    }

    @Test
    void udpMessagesArriveAsRfc5424WithTheOperationAsStructuredData() throws Exception {
        send(ForwardAddress.parse("udp://127.0.0.1:" + udpPort, 514, java.util.EnumSet.allOf(ForwardAddress.Protocol.class)), "udp-1");
        String line = received("udp-1");
        assertFields(line, "udp-1");
    }

    @Test
    void tcpMessagesAreOctetCountedAndArriveWhole() throws Exception {
        ForwardAddress tcp = ForwardAddress.parse("tcp://127.0.0.1:" + tcpPort, 514, java.util.EnumSet.allOf(ForwardAddress.Protocol.class));
        SyslogSender sender = new SyslogSender(tcp, "box1");
        try {
            sender.send(failedPull("tcp-1"));
            sender.send(failedPull("tcp-2"));
        } finally {
            sender.close();
        }
        assertFields(received("tcp-1"), "tcp-1");
        assertFields(received("tcp-2"), "tcp-2");
    }

    @Test
    void aCollectorThatRefusesTcpGivesTheReason() throws Exception {
        int closed = LoopbackReceiver.freeTcpPort();
        SyslogSender sender = new SyslogSender(new ForwardAddress(ForwardAddress.Protocol.TCP, "127.0.0.1", closed), "box1");
        assertThatThrownBy(() -> sender.send(failedPull("x"))).satisfies(e ->
                assertThat(ForwardErrors.describe(e)).contains("Connection refused"));
        SyslogSender unknown = new SyslogSender(new ForwardAddress(ForwardAddress.Protocol.UDP, "no-such-host.invalid", 514), "box1");
        assertThatThrownBy(() -> unknown.send(failedPull("x"))).satisfies(e ->
                assertThat(ForwardErrors.describe(e)).isEqualTo("host name does not resolve: no-such-host.invalid"));
    }

    private static void send(ForwardAddress address, String marker) throws Exception {
        SyslogSender sender = new SyslogSender(address, "box1");
        try {
            sender.send(failedPull(marker));
        } finally {
            sender.close();
        }
    }

    private static String received(String marker) throws Exception {
        List<String> lines = rsyslog.awaitLine(l -> l.contains(marker + ")"), Duration.ofSeconds(10));
        return lines.stream().filter(l -> l.contains(marker + ")")).findFirst()
                .orElseThrow(() -> new AssertionError("rsyslog did not log " + marker + ": " + lines));
    }

    private static void assertFields(String line, String marker) {
        String[] fields = line.split("\\|", 7);
        assertThat(fields[0]).isEqualTo("1");
        assertThat(fields[1]).isEqualTo("miniman");
        assertThat(fields[2]).isEqualTo("operation");
        assertThat(fields[3]).isEqualTo("daemon");
        assertThat(fields[4]).isEqualTo("err");
        assertThat(fields[5]).startsWith("[miniman@32473 ").contains("event=\"operation\"", "type=\"docker\"",
                "name=\"Pull image\"", "status=\"failed\"", "user=\"alice\"", "duration_ms=\"2345\"", "operation_id=\"42\"",
                // RFC 5424 escapes ", \ and ] inside a value
                "target=\"image registry.lan/app:1 \\\"quoted\\\" \\]\"");
        assertThat(fields[6]).isEqualTo("docker Pull image on image registry.lan/app:1 \"quoted\" ]: failed (registry unreachable " + marker + ")");
    }
}
