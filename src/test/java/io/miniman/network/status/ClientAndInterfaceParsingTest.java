package io.miniman.network.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.miniman.host.CommandRunner;
import io.miniman.host.PrivilegedHelper;
import io.miniman.testsupport.Requires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientAndInterfaceParsingTest {

    @Test
    void leasesFromDnsmasqsFile() {
        var leases = ClientService.parseLeases("""
                1764345600 02:00:00:00:00:01 192.168.50.23 phone 01:02:00:00:00:00:01
                0 02:AA:00:00:00:02 192.168.50.42 * *
                garbage line
                1764345600 not-a-mac 192.168.50.24 x *
                """);
        assertThat(leases).containsOnlyKeys("02:00:00:00:00:01", "02:aa:00:00:00:02");
        assertThat(leases.get("02:00:00:00:00:01").ip()).isEqualTo("192.168.50.23");
        assertThat(leases.get("02:00:00:00:00:01").expiry()).isEqualTo(Instant.ofEpochSecond(1764345600));
        assertThat(leases.get("02:aa:00:00:00:02").hostname()).isEqualTo("*");
    }

    @Test
    void stationsFromHostapdCli() {
        var stations = ClientService.parseStations("""
                02:00:00:00:00:01
                flags=[AUTH][ASSOC][AUTHORIZED]
                rx_bytes=12345
                tx_bytes=678
                signal=-52
                connected_time=301
                02:00:00:00:00:03
                signal=-70
                """);
        assertThat(stations).containsOnlyKeys("02:00:00:00:00:01", "02:00:00:00:00:03");
        assertThat(stations.get("02:00:00:00:00:01")).containsEntry("signal", "-52").containsEntry("rx_bytes", "12345");
    }

    @Test
    void interfacesFromIpJson(@TempDir Path sys) throws Exception {
        Files.createDirectories(sys.resolve("wlan0/wireless"));
        CommandRunner runner = new CommandRunner();
        InterfaceService service = new InterfaceService(runner, new PrivilegedHelper(runner, sys.resolve("none")),
                new ObjectMapper(), sys);
        var interfaces = service.parse(Files.readString(Path.of("src/test/resources/network/ip-addr.json")));
        assertThat(interfaces).extracting(InterfaceInfo::name).containsExactly("lo", "wlan0");
        InterfaceInfo wlan = interfaces.get(1);
        assertThat(wlan.wireless()).isTrue();
        assertThat(wlan.addresses()).containsExactly("192.168.50.1/24");
        assertThat(wlan.mac()).isEqualTo("b8:27:eb:00:00:01");
        assertThat(wlan.rxBytes()).isEqualTo(1000);
        assertThat(wlan.txBytes()).isEqualTo(2000);
        assertThat(wlan.state()).isEqualTo("UP");
        assertThat(interfaces.get(0).wireless()).isFalse();
        assertThat(service.accessPoint("wlan0").reason()).startsWith("skipped: helper not installed");
    }

    @Test
    void theRealIpCommandIsUnderstood() {
        Requires.program("ip");
        CommandRunner runner = new CommandRunner();
        InterfaceService service = new InterfaceService(runner, new PrivilegedHelper(runner, Path.of("/none")),
                new ObjectMapper());
        assertThat(service.list()).extracting(InterfaceInfo::name).contains("lo");
    }
}
