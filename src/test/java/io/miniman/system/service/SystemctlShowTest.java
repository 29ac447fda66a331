package io.miniman.system.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** systemctl show's output as systemd 252 printed it on the simulated box (src/test/resources/system/systemctl-show.txt). */
class SystemctlShowTest {

    private static final List<String> DEFAULT = List.of("hostapd", "dnsmasq", "nginx", "docker", "systemd-networkd",
            "systemd-resolved", "miniman", "miniman-firewall");

    private static String recorded() throws IOException {
        return Files.readString(Path.of("src/test/resources/system/systemctl-show.txt"));
    }

    @Test
    void oneStatusPerUnitInTheOrderAsked() throws IOException {
        List<UnitStatus> units = SystemctlShow.parse(recorded(), DEFAULT);
        assertThat(units).extracting(UnitStatus::name).isEqualTo(DEFAULT);

        UnitStatus dnsmasq = units.get(1);
        assertThat(dnsmasq.activeState()).isEqualTo("active");
        assertThat(dnsmasq.subState()).isEqualTo("running");
        assertThat(dnsmasq.mainPid()).isEqualTo(743);
        assertThat(dnsmasq.since()).isEqualTo(Instant.ofEpochSecond(1795957807));
        assertThat(dnsmasq.enabled()).isTrue();
        assertThat(dnsmasq.running()).isTrue();
        assertThat(dnsmasq.description()).isEqualTo("dnsmasq - A lightweight DHCP and caching DNS server");
        // cgroup v1 without accounting: systemd says "[not set]"
        assertThat(dnsmasq.memoryBytes()).isEqualTo(-1);
        assertThat(dnsmasq.cpuNanos()).isEqualTo(-1);

        UnitStatus nginx = units.get(2);
        assertThat(nginx.activeState()).isEqualTo("inactive");
        assertThat(nginx.mainPid()).isZero();
        assertThat(nginx.running()).isFalse();
        assertThat(nginx.enabled()).isTrue();

        UnitStatus hostapd = units.get(0);
        assertThat(hostapd.found()).isFalse();
        assertThat(hostapd.since()).isNull();
        assertThat(hostapd.unitFileState()).isEmpty();
    }

    /** Written by hand in systemd's format: a cgroup v2 box with accounting has the figures. */
    @Test
    void figuresWhenSystemdHasThem() {
        String output = "MainPID=812\nMemoryCurrent=5734400\nCPUUsageNSec=1234567890\nId=docker.service\n"
                + "Description=Docker Application Container Engine\nLoadState=loaded\nActiveState=active\nSubState=running\n"
                + "UnitFileState=enabled-runtime\nStateChangeTimestamp=@1700000000\n\n"
                + "MainPID=0\nMemoryCurrent=18446744073709551615\nCPUUsageNSec=\nId=nginx.service\nLoadState=loaded\n"
                + "ActiveState=failed\nSubState=failed\nUnitFileState=disabled\nStateChangeTimestamp=@1700000100\n";
        List<UnitStatus> units = SystemctlShow.parse(output, List.of("docker", "nginx"));
        assertThat(units.get(0).memoryBytes()).isEqualTo(5734400);
        assertThat(units.get(0).cpuNanos()).isEqualTo(1234567890L);
        assertThat(units.get(0).enabled()).isTrue();
        assertThat(units.get(1).memoryBytes()).as("older systemd's unset value").isEqualTo(-1);
        assertThat(units.get(1).cpuNanos()).isEqualTo(-1);
        assertThat(units.get(1).activeState()).isEqualTo("failed");
        assertThat(units.get(1).enabled()).isFalse();
    }

    @Test
    void anAnswerThatDoesNotFitIsRefused() throws IOException {
        assertThatThrownBy(() -> SystemctlShow.parse(recorded(), List.of("dnsmasq")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered 8 units for 1");
        assertThatThrownBy(() -> SystemctlShow.parse("● dnsmasq.service - dnsmasq\n", List.of("dnsmasq")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a property line");
    }

    @Test
    void oneCallForAllUnitsAsAnArgumentList() {
        assertThat(SystemctlShow.arguments("systemctl", List.of("dnsmasq", "nginx"))).containsExactly("systemctl", "show",
                "--timestamp=unix", "-p", SystemctlShow.PROPERTIES, "--", "dnsmasq.service", "nginx.service");
    }
}
