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

/** SNMPv2c traps into a real snmptrapd on loopback; its log names every OID numerically. */
@Tag("engine")
class SnmpTrapForwardTest {

    @TempDir
    static Path dir;
    static LoopbackReceiver snmptrapd;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path program = Requires.program("snmptrapd");
        port = LoopbackReceiver.freeUdpPort();
        Files.writeString(dir.resolve("snmptrapd.conf"), "authCommunity log fleet-secret\n");
        Path out = dir.resolve("traps.log");
        // -C: only our config; -On: numeric OIDs; -m "": no MIBs to load; -Lf: log to our file
        snmptrapd = new LoopbackReceiver(List.of(program.toString(), "-f", "-C", "-c", dir.resolve("snmptrapd.conf").toString(),
                "-On", "-m", "", "-M", dir.toString(), "-Lf", out.toString(), "-p", dir.resolve("pid").toString(),
                "udp:127.0.0.1:" + port), out);
        snmptrapd.awaitLine(l -> l.contains("NET-SNMP version"), Duration.ofSeconds(10));
        assertThat(snmptrapd.alive()).as(snmptrapd.console()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (snmptrapd != null) {
            snmptrapd.close();
        }
    }

    @Test
    void anOperationTrapCarriesTheMibsObjects() throws Exception {
        SnmpTrapSender sender = new SnmpTrapSender(new ForwardAddress(ForwardAddress.Protocol.UDP, "127.0.0.1", port), "fleet-secret");
        sender.send(new ForwardEvent(ForwardEvent.Kind.OPERATION, Instant.now(), "docker", "Pull image", "failed", "alice",
                "image app:1", 2345L, "registry unreachable trap-1", 1, 42L));
        sender.close();
        String trap = String.join(" ", snmptrapd.awaitLine(l -> l.contains("trap-1"), Duration.ofSeconds(10)));
        String root = ".1.3.6.1.4.1.32473.42";
        assertThat(trap).contains(".1.3.6.1.6.3.1.1.4.1.0 = OID: " + root + ".0.1")
                .contains(root + ".1.1 = STRING: \"docker\"")
                .contains(root + ".1.2 = STRING: \"Pull image\"")
                .contains(root + ".1.3 = STRING: \"failed\"")
                .contains(root + ".1.4 = STRING: \"alice\"")
                .contains(root + ".1.5 = STRING: \"image app:1\"")
                .contains(root + ".1.6 = Gauge32: 2345")
                .contains(root + ".1.9 = Gauge32: 42")
                .contains("registry unreachable trap-1");
    }

    @Test
    void anAlertTrapCarriesItsCount() throws Exception {
        SnmpTrapSender sender = new SnmpTrapSender(new ForwardAddress(ForwardAddress.Protocol.UDP, "127.0.0.1", port), "fleet-secret");
        sender.send(ForwardEvent.alert(Instant.now(), "pulls failing", "6 failures trap-2", 6, null));
        sender.close();
        String trap = String.join(" ", snmptrapd.awaitLine(l -> l.contains("trap-2"), Duration.ofSeconds(10)));
        assertThat(trap).contains("= OID: .1.3.6.1.4.1.32473.42.0.2").contains(".1.3.6.1.4.1.32473.42.1.8 = Gauge32: 6");
    }

    @Test
    void aTargetNameThatDoesNotResolveIsTheReason() {
        SnmpTrapSender sender = new SnmpTrapSender(new ForwardAddress(ForwardAddress.Protocol.UDP, "nms.invalid", 162), "public");
        assertThatThrownBy(() -> sender.send(ForwardEvent.test(Instant.now(), "x")))
                .satisfies(e -> assertThat(ForwardErrors.describe(e)).isEqualTo("host name does not resolve: nms.invalid"));
    }
}
